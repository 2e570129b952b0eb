package io.callface.trainer.nn;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import io.callface.audio.SpeechSegment;
import io.callface.audio.Spectrogram;
import io.callface.model.ModelContract;
import java.util.List;

/**
 * All networks of one preset, with their parameters in one {@link NDManager} that {@link #close()} frees:
 * the voice encoder, the face encoder with its identity-classification head (our stand-in for VGG-Face
 * fc8), and the face decoder as {@code f_dec} followed by a landmark branch and an image branch; and the face
 * critic, a frozen copy of the face encoder that judges decoded faces for the face stage's feature loss.
 */
public final class Speech2FaceNetworks implements AutoCloseable {
    /** Frames of a 6 s segment; used as the representative input length when building. */
    public static final int SIX_SECOND_FRAMES = Spectrogram.frameCount(SpeechSegment.SEGMENT_SAMPLES);

    private final Preset preset;
    private final NDManager manager;
    private final Network voiceEncoder;
    private final Network faceEncoder;
    private final Network identityHead;
    private final Network decoderFDec;
    private final Network decoderLandmarks;
    private final Network decoderImage;
    private final Network faceCritic;

    /** On the CPU. */
    public Speech2FaceNetworks(Preset preset, int identities) {
        this(preset, identities, Device.cpu());
    }

    /**
     * Builds and initialises every network, with its parameters on {@code device}; {@code identities} is the size of
     * the identity head.
     */
    public Speech2FaceNetworks(Preset preset, int identities, Device device) {
        if (identities < 2) {
            throw new IllegalArgumentException("identities must be at least 2 to classify, got " + identities);
        }
        this.preset = preset;
        this.manager = NDManager.newBaseManager(device);
        int size = preset.imageSize();
        Shape feature = new Shape(1, preset.featureDim());
        this.faceEncoder = new Network("face_encoder", preset.faceEncoder(), manager,
                new Shape(1, ModelContract.IMAGE_CHANNELS, size, size));
        this.identityHead = new Network("identity_head", List.of(new Layer.Dense(identities)), manager, feature);
        this.decoderFDec = new Network("f_dec", preset.decoderFDec(), manager, feature);
        Shape hidden = new Shape(1, preset.decoderUnits());
        this.decoderLandmarks = new Network("landmarks", preset.decoderLandmarks(), manager, hidden);
        this.decoderImage = new Network("image", preset.decoderImage(), manager, hidden);
        this.faceCritic = new Network("face_critic", preset.faceEncoder(), manager,
                new Shape(1, ModelContract.IMAGE_CHANNELS, size, size));
        faceCritic.freeze();
        // Built last: parameters are drawn from one random stream in construction order, so the face networks'
        // initial weights do not change when a preset's voice encoder does.
        this.voiceEncoder = new Network("voice_encoder", preset.voiceEncoder(), manager,
                new Shape(1, ModelContract.SPECTROGRAM_CHANNELS, SIX_SECOND_FRAMES, ModelContract.SPECTROGRAM_BINS));
        requireOutput(decoderImage, hidden, new Shape(1, ModelContract.IMAGE_CHANNELS, size, size));
        requireOutput(decoderLandmarks, hidden, new Shape(1, ModelContract.LANDMARK_COUNT, 2));
    }

    /**
     * Multiply-adds of what serving runs per 6 s window for one speaker: the voice encoder on a 6 s
     * spectrogram and the whole decoder (f_dec, image and landmark branches) on its feature. See
     * {@link Network#multiplyAdds(Shape)} for what is counted.
     */
    public long windowMultiplyAdds() {
        return voiceEncoder.multiplyAdds(new Shape(1, ModelContract.SPECTROGRAM_CHANNELS, SIX_SECOND_FRAMES,
                ModelContract.SPECTROGRAM_BINS)) + decoderMultiplyAdds();
    }

    /** Multiply-adds of the decoder (f_dec, image and landmark branches) on one face feature. */
    public long decoderMultiplyAdds() {
        Shape hidden = new Shape(1, preset.decoderUnits());
        return decoderFDec.multiplyAdds(new Shape(1, preset.featureDim())) + decoderImage.multiplyAdds(hidden)
                + decoderLandmarks.multiplyAdds(hidden);
    }

    private void requireOutput(Network network, Shape input, Shape expected) {
        Shape actual = network.outputShape(input);
        if (!actual.equals(expected)) {
            manager.close();
            throw new IllegalArgumentException("preset " + preset.name() + ": the " + network.name()
                    + " branch gives " + actual + ", the contract needs " + expected);
        }
    }

    public Preset preset() {
        return preset;
    }

    /** The manager that owns every parameter; create per-step sub-managers from it. */
    public NDManager manager() {
        return manager;
    }

    public Network voiceEncoder() {
        return voiceEncoder;
    }

    public Network faceEncoder() {
        return faceEncoder;
    }

    public Network identityHead() {
        return identityHead;
    }

    public Network decoderFDec() {
        return decoderFDec;
    }

    public Network decoderLandmarks() {
        return decoderLandmarks;
    }

    public Network decoderImage() {
        return decoderImage;
    }

    /**
     * The face critic: the face encoder's layers with frozen parameters, copied from the encoder by
     * {@link #refreshFaceCritic()}. Gradients flow through it to its input (the decoded face) but never change it,
     * so the feature loss teaches the decoder to draw what the encoder sees instead of teaching the encoder to see
     * what the decoder draws. Not part of a checkpoint or an export: it is derived from the encoder.
     */
    public Network faceCritic() {
        return faceCritic;
    }

    /** Copies the face encoder's current parameters (weights and batch-norm statistics) into the face critic. */
    public void refreshFaceCritic() {
        List<Parameter> from = faceEncoder.parameters();
        List<Parameter> to = faceCritic.parameters();
        for (int i = 0; i < from.size(); i++) {
            from.get(i).getArray().copyTo(to.get(i).getArray());
        }
    }

    /** The networks of the face stage, which the voice stage keeps frozen. */
    public List<Network> faceStage() {
        return List.of(faceEncoder, identityHead, decoderFDec, decoderLandmarks, decoderImage);
    }

    @Override
    public void close() {
        manager.close();
    }
}
