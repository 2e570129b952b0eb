package io.callface.stream.avatar;

import io.callface.avro.AvatarEvent;
import io.callface.avro.FaceColours;
import io.callface.avro.FaceMeasures;
import io.callface.avro.Point;
import io.callface.avro.Timings;
import io.callface.stream.features.ColourSampler;
import io.callface.stream.features.FaceColourSet;
import io.callface.stream.features.FaceImageEncoder;
import io.callface.stream.features.FaceMeasurements;
import io.callface.stream.features.FaceMeasuresCalculator;
import io.callface.stream.inference.DecodedFace;
import io.callface.stream.inference.FaceModel;
import io.callface.stream.window.SpeakerWindow;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The ONNX path from a window to an avatar: voice encoder, face decoder, then the cartoon-ready features
 * (landmarks, measures, colours) and the PNG. Thread-safe: the model's sessions are shared by all stream
 * threads, everything else is per call.
 */
public final class OnnxAvatarGenerator implements AvatarGenerator {
    private final FaceModel model;
    private final int imageSize;

    /**
     * @param model     loaded encoder and decoder; owned by the caller
     * @param imageSize edge of the PNG in pixels, 0 for the decoder's own size
     */
    public OnnxAvatarGenerator(FaceModel model, int imageSize) {
        this.model = model;
        this.imageSize = imageSize;
    }

    @Override
    public AvatarEvent generate(SpeakerWindow window) {
        long encodeStart = System.nanoTime();
        float[] feature = model.encode(List.of(window.spectrogram()), window.frames())[0];
        long decodeStart = System.nanoTime();
        DecodedFace face = model.decode(new float[][] {feature}).get(0);
        long decodeEnd = System.nanoTime();

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
                .setModelVersion(model.version())
                .setFaceImagePng(ByteBuffer.wrap(png))
                .setImageWidth(size)
                .setImageHeight(size)
                .setLandmarks(points(face.landmarks()))
                .setMeasures(toAvro(measures))
                .setColours(new FaceColours(colours.skin(), colours.hair(), colours.lips(), colours.eyes()))
                .setFaceEmbedding(floats(feature))
                .setFusedEmbedding(null)
                .setWindowsFused(1)
                .setTimings(Timings.newBuilder()
                        .setQueueMs(0f)
                        .setSpectrogramMs(millis(window.spectrogramNanos()))
                        .setEncoderMs(millis(decodeStart - encodeStart))
                        .setDecoderMs(millis(decodeEnd - decodeStart))
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
