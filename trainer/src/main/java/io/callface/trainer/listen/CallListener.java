package io.callface.trainer.listen;

import io.callface.audio.AudioFormatException;
import io.callface.audio.AudioFrontEnd;
import io.callface.audio.Spectrogram;
import io.callface.audio.SpeechSegment;
import io.callface.audio.VoicedWindows;
import io.callface.audio.WavReader;
import io.callface.model.fusion.FusedEmbedding;
import io.callface.model.fusion.FusionRule;
import io.callface.trainer.eval.AttributeClassifiers;
import io.callface.trainer.eval.DecodedFace;
import io.callface.trainer.eval.OnnxFaceDecoder;
import io.callface.trainer.eval.OnnxFeatureExtractor;
import io.callface.trainer.onnx.ModelDirectory;
import io.callface.trainer.eval.AttributeJudgement;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Hears a recording as the stream hears a call and judges the face it ends with: the stream's front end (WAV,
 * mono, 16 kHz), its windows ({@link VoicedWindows}: voice-gated 20 ms chunks, a 3 s preview, 6 s windows, a last
 * shorter window), the model's voice encoder on each window's 6 s spectrogram, the stream's default fusion
 * ({@link FusionRule.Mean} over the full windows, a provisional window folded in without being kept), the decoder,
 * and the evaluation's {@link AttributeClassifiers} on the last avatar's face; for comparison, also on each window's
 * face decoded from its own embedding alone. Owns its ONNX sessions.
 */
final class CallListener implements AutoCloseable {
    private final FusionRule fusion = new FusionRule.Mean();
    private final Spectrogram spectrogram = new Spectrogram();
    private final String modelVersion;
    private final AttributeClassifiers classifiers;
    private final OnnxFeatureExtractor encoder;
    private final OnnxFaceDecoder decoder;

    CallListener(ModelDirectory model, AttributeClassifiers classifiers) {
        if (classifiers.imageSize() != model.manifest().imageHeight()) {
            throw new IllegalArgumentException("attribute classifiers read " + classifiers.imageSize()
                    + " px faces, the model draws " + model.manifest().imageHeight() + " px");
        }
        this.modelVersion = model.manifest().version();
        this.classifiers = classifiers;
        this.encoder = new OnnxFeatureExtractor(model);
        try {
            this.decoder = new OnnxFaceDecoder(model);
        } catch (RuntimeException e) {
            encoder.close();
            throw e;
        }
    }

    /** Hears {@code file}; an unreadable WAV is an {@link IllegalArgumentException} naming it. */
    HeardCall listen(SpeechFile file) {
        float[] samples;
        try {
            samples = AudioFrontEnd.to16kMono(WavReader.read(file.audio()));
        } catch (IOException | AudioFormatException e) {
            throw new IllegalArgumentException("cannot read " + file.audio() + ": " + e.getMessage(), e);
        }
        FusedEmbedding kept = null;
        FusedEmbedding last = null;
        int full = 0;
        int provisional = 0;
        double keptSeconds = 0;
        double heardSeconds = 0;
        List<AttributeJudgement> windowJudgements = new ArrayList<>();
        for (VoicedWindows.Window window : VoicedWindows.of(samples)) {
            float[] embedding = encoder.voiceFeature(spectrogram.compute(SpeechSegment.toSixSeconds(window.audio())));
            windowJudgements.add(classifiers.judge(decoder.decode(embedding).image()));
            last = fusion.fold(kept, embedding, modelVersion);
            if (window.provisional()) {
                provisional++;
                heardSeconds = keptSeconds + window.seconds();
            } else {
                kept = last;
                full++;
                keptSeconds += window.seconds();
                heardSeconds = keptSeconds;
            }
        }
        if (last == null) {
            return new HeardCall(file, 0, 0, 0, Optional.empty(), Optional.empty(), List.of());
        }
        DecodedFace face = decoder.decode(last.vector());
        return new HeardCall(file, heardSeconds, full, provisional, Optional.of(face),
                Optional.of(classifiers.judge(face.image())), windowJudgements);
    }

    @Override
    public void close() {
        try {
            decoder.close();
        } finally {
            encoder.close();
        }
    }
}
