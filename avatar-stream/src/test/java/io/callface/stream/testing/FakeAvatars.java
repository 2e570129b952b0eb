package io.callface.stream.testing;

import io.callface.avro.AvatarEvent;
import io.callface.avro.FaceColours;
import io.callface.avro.FaceMeasures;
import io.callface.avro.Timings;
import io.callface.stream.window.SpeakerWindow;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;

/** A stand-in for the model: an avatar that carries the window's facts and an empty face. */
public final class FakeAvatars {
    private FakeAvatars() {
    }

    public static AvatarEvent of(SpeakerWindow window) {
        return AvatarEvent.newBuilder()
                .setCallId(window.speaker().callId()).setParticipantId(window.speaker().participantId())
                .setWindowIndex(window.windowIndex()).setWindowStart(Instant.ofEpochMilli(window.windowStartMs()))
                .setWindowEnd(Instant.ofEpochMilli(window.windowEndMs())).setProvisional(window.provisional())
                .setVoicedSeconds(window.audioSeconds()).setModelVersion("fake").setFaceImagePng(ByteBuffer.allocate(0))
                .setImageWidth(0).setImageHeight(0).setLandmarks(List.of())
                .setMeasures(new FaceMeasures(0f, 0f, 0f, 0f, 0f, 0f, 0f, 0f, 0f))
                .setColours(new FaceColours("#000000", "#000000", "#000000", "#000000"))
                .setFaceEmbedding(List.of()).setTimings(new Timings(0f, 0f, 0f, 0f, 0f)).build();
    }
}
