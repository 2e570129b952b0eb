package io.callface.stream.avatar;

import io.callface.avro.AvatarEvent;
import io.callface.avro.FaceColours;
import io.callface.avro.FaceMeasures;
import io.callface.avro.Point;
import io.callface.avro.Timings;
import io.callface.model.features.ColourSampler;
import io.callface.model.features.FaceColourSet;
import io.callface.model.features.FaceImageEncoder;
import io.callface.model.features.FaceMeasurements;
import io.callface.model.features.FaceMeasuresCalculator;
import io.callface.stream.fusion.EmbeddingFuser;
import io.callface.stream.inference.DecodedFace;
import io.callface.stream.inference.InferenceBatcher;
import io.callface.stream.inference.WindowInference;
import io.callface.stream.window.SpeakerWindow;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The ONNX path from a window to an avatar: the shared {@link InferenceBatcher} runs encoder, fusion, decoder and
 * the attribute head in a batch with other stream threads' windows; this thread then makes the cartoon-ready
 * features (landmarks, measures, colours, attributes when the model has the head) and the PNG. Thread-safe.
 */
public final class OnnxAvatarGenerator implements AvatarGenerator {
    private final InferenceBatcher batcher;
    private final int imageSize;

    /**
     * @param batcher   the shared micro-batcher; owned by the caller
     * @param imageSize edge of the PNG in pixels, 0 for the decoder's own size
     */
    public OnnxAvatarGenerator(InferenceBatcher batcher, int imageSize) {
        this.batcher = Objects.requireNonNull(batcher, "batcher");
        if (imageSize < 0) {
            throw new IllegalArgumentException("imageSize must be 0 or positive, got " + imageSize);
        }
        this.imageSize = imageSize;
    }

    @Override
    public AvatarEvent generate(SpeakerWindow window, EmbeddingFuser fuser) {
        WindowInference inference = batcher.infer(window.spectrogram(), window.frames(), fuser);
        DecodedFace face = inference.face();

        FaceMeasurements measures = FaceMeasuresCalculator.compute(face.landmarks());
        FaceColourSet colours = ColourSampler.sample(face.imageChw(), face.height(), face.width(), face.landmarks());
        int size = imageSize > 0 ? imageSize : face.width();
        byte[] png = FaceImageEncoder.toPng(face.imageChw(), face.height(), face.width(), size);

        return AvatarEvent.newBuilder()
                .setCallId(window.speaker().callId())
                .setParticipantId(window.speaker().participantId())
                .setWindowIndex(window.windowIndex())
                .setWindowStart(Instant.ofEpochMilli(window.windowStartMs()))
                .setWindowEnd(Instant.ofEpochMilli(window.windowEndMs()))
                .setProvisional(window.provisional())
                .setVoicedSeconds(window.audioSeconds())
                .setVoicedFraction(window.voicedFraction())
                .setModelVersion(inference.modelVersion())
                .setFaceImagePng(ByteBuffer.wrap(png))
                .setImageWidth(size)
                .setImageHeight(size)
                .setLandmarks(points(face.landmarks()))
                .setMeasures(toAvro(measures))
                .setColours(new FaceColours(colours.skin(), colours.hair(), colours.lips(), colours.eyes()))
                .setFaceEmbedding(floats(inference.embedding()))
                .setFusedEmbedding(floats(inference.fused().vector()))
                .setWindowsFused(inference.fused().windows())
                .setAttributes(inference.attributes() == null ? null
                        : AvatarAttributes.toAvro(inference.attributes(), colours))
                .setTimings(Timings.newBuilder()
                        .setQueueMs(millis(inference.queueNanos()))
                        .setSpectrogramMs(millis(window.spectrogramNanos()))
                        .setEncoderMs(millis(inference.encoderNanos()))
                        .setDecoderMs(millis(inference.decoderNanos()))
                        .setEndToEndMs(millis(System.nanoTime() - window.closedAtNanos()))
                        .build())
                .build();
    }

    private static FaceMeasures toAvro(FaceMeasurements m) {
        return FaceMeasures.newBuilder()
                .setFaceWidthToHeight(m.faceWidthToHeight())
                .setJawWidth(m.jawWidth())
                .setNoseWidth(m.noseWidth())
                .setNoseHeight(m.noseHeight())
                .setNasalIndex(m.nasalIndex())
                .setUpperLipHeight(m.upperLipHeight())
                .setIntercanthalIndex(m.intercanthalIndex())
                .setMouthFaceWidthIndex(m.mouthFaceWidthIndex())
                .setNoseArea(m.noseArea())
                .build();
    }

    private static List<Point> points(float[] landmarks) {
        List<Point> points = new ArrayList<>(landmarks.length / 2);
        for (int i = 0; i < landmarks.length; i += 2) {
            points.add(new Point(landmarks[i], landmarks[i + 1]));
        }
        return points;
    }

    private static List<Float> floats(float[] values) {
        List<Float> list = new ArrayList<>(values.length);
        for (float v : values) {
            list.add(v);
        }
        return list;
    }

    private static float millis(long nanos) {
        return nanos / 1_000_000f;
    }
}
