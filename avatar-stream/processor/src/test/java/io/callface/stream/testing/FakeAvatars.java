package io.callface.stream.testing;

import io.callface.avro.AvatarEvent;
import io.callface.avro.FaceColours;
import io.callface.avro.FaceMeasures;
import io.callface.avro.Timings;
import io.callface.model.fusion.FusedEmbedding;
import io.callface.stream.fusion.EmbeddingFuser;
import io.callface.stream.window.SpeakerWindow;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A stand-in for the model: an avatar that carries the window's facts and an empty face. Its embedding is
 * {@link #embeddingOf} the window, fused with the given fuser under model version {@value #VERSION}.
 */
public final class FakeAvatars {
    public static final String VERSION = "fake";

    private FakeAvatars() {
    }

    /** The fake encoder: {@code [windowIndex + 1, voiced seconds]}, distinct per window. */
    public static float[] embeddingOf(SpeakerWindow window) {
        return new float[] {window.windowIndex() + 1f, window.audioSeconds()};
    }

    public static AvatarEvent of(SpeakerWindow window, EmbeddingFuser fuser) {
        float[] embedding = embeddingOf(window);
        FusedEmbedding fused = fuser.fuse(embedding, VERSION);
        return AvatarEvent.newBuilder()
                .setCallId(window.speaker().callId()).setParticipantId(window.speaker().participantId())
                .setWindowIndex(window.windowIndex()).setWindowStart(Instant.ofEpochMilli(window.windowStartMs()))
                .setWindowEnd(Instant.ofEpochMilli(window.windowEndMs())).setProvisional(window.provisional())
                .setVoicedSeconds(window.audioSeconds()).setModelVersion(VERSION).setFaceImagePng(ByteBuffer.allocate(0))
                .setImageWidth(0).setImageHeight(0).setLandmarks(List.of())
                .setMeasures(new FaceMeasures(0f, 0f, 0f, 0f, 0f, 0f, 0f, 0f, 0f))
                .setColours(new FaceColours("#000000", "#000000", "#000000", "#000000"))
                .setFaceEmbedding(floats(embedding)).setFusedEmbedding(floats(fused.vector()))
                .setWindowsFused(fused.windows()).setTimings(new Timings(0f, 0f, 0f, 0f, 0f)).build();
    }

    private static List<Float> floats(float[] values) {
        List<Float> list = new ArrayList<>(values.length);
        for (float value : values) {
            list.add(value);
        }
        return list;
    }
}
