package io.callface.stream.avatar;

import io.callface.avro.CallerAttributes;
import io.callface.avro.FaceShapeClass;
import io.callface.avro.HairAttributes;
import io.callface.avro.HairLengthClass;
import io.callface.avro.SkinTone;
import io.callface.avro.SkinToneCategory;
import io.callface.model.features.FaceColourSet;
import io.callface.stream.inference.PredictedAttributes;
import java.util.Objects;

/**
 * The published form of an attribute head's output: classes by their most probable value, the colours from the
 * decoded face's own colours (so hair and skin match the face image), probabilities clamped into [0, 1] (the head
 * may be off by float32 rounding).
 */
final class AvatarAttributes {
    private AvatarAttributes() {
    }

    static CallerAttributes toAvro(PredictedAttributes attributes, FaceColourSet colours) {
        Objects.requireNonNull(attributes, "attributes");
        Objects.requireNonNull(colours, "colours");
        return CallerAttributes.newBuilder()
                .setMaleProbability(probability(attributes.maleProbability()))
                .setAgeYears(attributes.ageYears())
                .setAgeSdYears(attributes.ageSdYears())
                .setHair(HairAttributes.newBuilder()
                        .setColourHex(colours.hair())
                        .setLengthClass(HairLengthClass.valueOf(attributes.hairLengthClass().name()))
                        .setLengthProbability(probability(attributes.hairLengthProbability()))
                        .setGreyShare(probability(attributes.greyShare()))
                        .build())
                .setFacialHairProbability(probability(attributes.facialHairProbability()))
                .setSkinTone(SkinTone.newBuilder()
                        .setHex(colours.skin())
                        .setIta(attributes.skinIta())
                        .setCategory(SkinToneCategory.valueOf(attributes.skinToneCategory().name()))
                        .build())
                .setFaceShape(FaceShapeClass.valueOf(attributes.faceShapeClass().name()))
                .setFaceShapeProbability(probability(attributes.faceShapeProbability()))
                .build();
    }

    private static float probability(float value) {
        return Math.max(0f, Math.min(1f, value));
    }
}
