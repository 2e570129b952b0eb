package io.callface.stream.cartoon;

import io.callface.avro.AvatarEvent;
import io.callface.avro.CallerAttributes;
import io.callface.avro.FaceColours;
import io.callface.avro.FaceMeasures;
import io.callface.avro.FaceShapeClass;
import io.callface.avro.HairAttributes;
import io.callface.avro.HairLengthClass;
import io.callface.avro.Point;
import io.callface.avro.SkinTone;
import io.callface.avro.SkinToneCategory;
import io.callface.avro.Timings;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Avatar events with chosen attributes, for the cartoon's tests. */
final class CartoonEvents {
    private CartoonEvents() {
    }

    static CallerAttributes attributes(double male, double age, HairLengthClass length, double grey, double facialHair,
                                       FaceShapeClass shape) {
        return CallerAttributes.newBuilder()
                .setMaleProbability((float) male).setAgeYears((float) age).setAgeSdYears(9f)
                .setHair(new HairAttributes("#4a3020", length, 0.6f, (float) grey))
                .setFacialHairProbability((float) facialHair)
                .setSkinTone(new SkinTone("#d9a98c", 35f, SkinToneCategory.INTERMEDIATE))
                .setFaceShape(shape).setFaceShapeProbability(0.5f)
                .build();
    }

    static AvatarEvent event(String participantId, CallerAttributes attributes) {
        return AvatarEvent.newBuilder()
                .setCallId("call").setParticipantId(participantId).setWindowIndex(1)
                .setWindowStart(Instant.ofEpochMilli(1_000)).setWindowEnd(Instant.ofEpochMilli(7_000))
                .setVoicedSeconds(6f).setModelVersion("test").setFaceImagePng(ByteBuffer.wrap(new byte[] {1}))
                .setImageWidth(1).setImageHeight(1).setLandmarks(typicalLandmarks())
                .setMeasures(new FaceMeasures(0.85f, 0.75f, 0.27f, 0.32f, 1.2f, 0.12f, 0.37f, 0.45f, 0.05f))
                .setColours(new FaceColours("#d9a98c", "#4a3020", "#b5555d", "#4a3b30"))
                .setFaceEmbedding(List.of(0.5f)).setTimings(new Timings(0f, 0f, 0f, 0f, 0f))
                .setAttributes(attributes).build();
    }

    /** 68 points on a circle, with level brows (17-26) and a mouth 0.4 as high as wide (48-57). */
    private static List<Point> typicalLandmarks() {
        List<Point> points = new ArrayList<>();
        for (int i = 0; i < 68; i++) {
            points.add(new Point((float) (0.5 + 0.3 * Math.cos(i)), (float) (0.5 + 0.3 * Math.sin(i))));
        }
        for (int i = 17; i <= 26; i++) {
            points.set(i, new Point(0.25f + 0.05f * (i - 17), 0.35f));
        }
        points.set(48, new Point(0.4f, 0.75f));
        points.set(54, new Point(0.6f, 0.75f));
        points.set(51, new Point(0.5f, 0.71f));
        points.set(57, new Point(0.5f, 0.79f));
        return points;
    }
}
