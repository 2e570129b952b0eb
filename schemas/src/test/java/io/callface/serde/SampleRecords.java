package io.callface.serde;

import io.callface.avro.AudioChunk;
import io.callface.avro.AvatarEvent;
import io.callface.avro.DeadLetter;
import io.callface.avro.Encoding;
import io.callface.avro.FaceColours;
import io.callface.avro.FaceMeasures;
import io.callface.avro.ModelRelease;
import io.callface.avro.Point;
import io.callface.avro.Timings;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Valid instances of every generated record type, with non-default values in every field. */
final class SampleRecords {

    // timestamp-millis keeps milliseconds only, so the samples carry no finer precision.
    static final Instant T0 = Instant.ofEpochMilli(1_717_171_717_123L);

    private SampleRecords() {
    }

    static AudioChunk audioChunk() {
        return AudioChunk.newBuilder()
                .setCallId("call-42")
                .setParticipantId("alice")
                .setSequence(17)
                .setCaptureTimestamp(T0)
                .setSampleRate(16_000)
                .setChannels(2)
                .setEncoding(Encoding.PCM_S16LE)
                .setPayload(ByteBuffer.wrap(new byte[] {1, -2, 3, -4, 5, -6}))
                .setConsent(true)
                .setEndOfStream(true)
                .build();
    }

    static AvatarEvent avatarEvent() {
        List<Point> landmarks = new ArrayList<>();
        for (int i = 0; i < 68; i++) {
            landmarks.add(Point.newBuilder().setX(i / 68f).setY(1f - i / 68f).build());
        }
        return AvatarEvent.newBuilder()
                .setCallId("call-42")
                .setParticipantId("bob")
                .setWindowIndex(3)
                .setWindowStart(T0)
                .setWindowEnd(T0.plusMillis(6_000))
                .setProvisional(true)
                .setVoicedSeconds(4.25f)
                .setModelVersion("0.1.0-test")
                .setFaceImagePng(ByteBuffer.wrap(new byte[] {(byte) 0x89, 'P', 'N', 'G'}))
                .setImageWidth(64)
                .setImageHeight(64)
                .setLandmarks(landmarks)
                .setMeasures(FaceMeasures.newBuilder()
                        .setFaceWidthToHeight(0.9f).setJawWidth(0.8f).setNoseWidth(0.25f).setNoseHeight(0.3f)
                        .setNasalIndex(0.83f).setUpperLipHeight(0.1f).setIntercanthalIndex(0.35f)
                        .setMouthFaceWidthIndex(0.4f).setNoseArea(0.05f).build())
                .setColours(FaceColours.newBuilder()
                        .setSkin("#c09070").setHair("#302010").setLips("#b05050").setEyes("#405060").build())
                .setFaceEmbedding(List.of(0.5f, -0.25f, 0.125f))
                .setFusedEmbedding(List.of(0.4f, -0.2f, 0.1f))
                .setWindowsFused(2)
                .setTimings(Timings.newBuilder()
                        .setQueueMs(1.5f).setSpectrogramMs(3f).setEncoderMs(5.5f).setDecoderMs(7f).setEndToEndMs(20f)
                        .build())
                .build();
    }

    static DeadLetter deadLetter() {
        return DeadLetter.newBuilder()
                .setSourceTopic("callface.audio")
                .setSourcePartition(2)
                .setSourceOffset(123_456L)
                .setReason("sampleRate 12345 is not supported")
                .setErrorClass("java.lang.IllegalArgumentException")
                .setOriginalKey(ByteBuffer.wrap("call-42/alice".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .setOriginalValue(ByteBuffer.wrap(new byte[] {0, 0, 0, 0, 1, 2}))
                .setTimestamp(T0)
                .build();
    }

    static ModelRelease modelRelease() {
        return ModelRelease.newBuilder()
                .setVersion("0.1.0-test")
                .setPreset("tiny")
                .setFeatureDim(64)
                .setEncoderUri("file:///models/encoder.onnx")
                .setDecoderUri("file:///models/decoder.onnx")
                .setEncoderSha256("a".repeat(64))
                .setDecoderSha256("b".repeat(64))
                .setMetrics(Map.of("recall_at_10_cos", 0.42, "l1", 0.125))
                .setCreatedAt(T0)
                .build();
    }
}
