package io.callface.stream.inference;

import io.callface.model.AttributeContract;
import io.callface.model.AttributeContract.FaceShape;
import io.callface.model.AttributeContract.HairLength;
import io.callface.model.AttributeContract.SkinToneCategory;
import java.util.Arrays;
import java.util.Objects;

/**
 * What the attribute head ({@value AttributeContract#ATTRIBUTES_FILE}) says of one face feature, one value per
 * contract output. Arrays are copied in and out.
 *
 * @param maleProbability       perceived sex as P(male)
 * @param ageYears              perceived age in years
 * @param ageSdYears            one standard deviation of the age, in years
 * @param greyShare             share of grey hair
 * @param hairLength            probabilities of the {@link HairLength} classes, in their order
 * @param facialHairProbability probability of visible facial hair
 * @param skinIta               individual typology angle of the skin, in degrees
 * @param faceShape             probabilities of the {@link FaceShape} classes, in their order
 */
public record PredictedAttributes(float maleProbability, float ageYears, float ageSdYears, float greyShare,
                                  float[] hairLength, float facialHairProbability, float skinIta,
                                  float[] faceShape) {
    /**
     * Slack for float32 rounding: a sigmoid may give 1.0000001, a softmax may sum to 0.9999. Anything further off is
     * a head that does not output probabilities (logits, say), which the contract forbids.
     */
    static final float PROBABILITY_TOLERANCE = 1e-3f;

    /** @throws IllegalArgumentException naming the contract output whose value breaks the contract */
    public PredictedAttributes {
        requireProbability(AttributeContract.MALE_PROBABILITY, maleProbability);
        requireFinite(AttributeContract.AGE_YEARS, ageYears);
        requireFinite(AttributeContract.AGE_SD_YEARS, ageSdYears);
        if (ageSdYears < 0) {
            throw new IllegalArgumentException(AttributeContract.AGE_SD_YEARS + " must not be negative, got "
                    + ageSdYears);
        }
        requireProbability(AttributeContract.GREY_SHARE, greyShare);
        hairLength = requireDistribution(AttributeContract.HAIR_LENGTH, hairLength, HairLength.values().length);
        requireProbability(AttributeContract.FACIAL_HAIR_PROBABILITY, facialHairProbability);
        requireFinite(AttributeContract.SKIN_ITA, skinIta);
        faceShape = requireDistribution(AttributeContract.FACE_SHAPE, faceShape, FaceShape.values().length);
    }

    @Override
    public float[] hairLength() {
        return hairLength.clone();
    }

    @Override
    public float[] faceShape() {
        return faceShape.clone();
    }

    /** The most probable hair length (the first of equals). */
    public HairLength hairLengthClass() {
        return HairLength.values()[argMax(hairLength)];
    }

    public float hairLengthProbability() {
        return hairLength[argMax(hairLength)];
    }

    /** The most probable face shape (the first of equals). */
    public FaceShape faceShapeClass() {
        return FaceShape.values()[argMax(faceShape)];
    }

    public float faceShapeProbability() {
        return faceShape[argMax(faceShape)];
    }

    public SkinToneCategory skinToneCategory() {
        return SkinToneCategory.of(skinIta);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PredictedAttributes a && Float.compare(maleProbability, a.maleProbability) == 0
                && Float.compare(ageYears, a.ageYears) == 0 && Float.compare(ageSdYears, a.ageSdYears) == 0
                && Float.compare(greyShare, a.greyShare) == 0 && Arrays.equals(hairLength, a.hairLength)
                && Float.compare(facialHairProbability, a.facialHairProbability) == 0
                && Float.compare(skinIta, a.skinIta) == 0 && Arrays.equals(faceShape, a.faceShape);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Objects.hash(maleProbability, ageYears, ageSdYears, greyShare, facialHairProbability,
                skinIta) + Arrays.hashCode(hairLength)) + Arrays.hashCode(faceShape);
    }

    @Override
    public String toString() {
        return "PredictedAttributes[male=" + maleProbability + ", age=" + ageYears + "±" + ageSdYears + ", grey="
                + greyShare + ", hair=" + Arrays.toString(hairLength) + ", facialHair=" + facialHairProbability
                + ", ita=" + skinIta + ", faceShape=" + Arrays.toString(faceShape) + "]";
    }

    private static int argMax(float[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }

    private static void requireFinite(String output, float value) {
        if (!Float.isFinite(value)) {
            throw new IllegalArgumentException(output + " must be finite, got " + value);
        }
    }

    private static void requireProbability(String output, float value) {
        if (!(value >= -PROBABILITY_TOLERANCE && value <= 1 + PROBABILITY_TOLERANCE)) {
            throw new IllegalArgumentException(output + " must be a probability in [0, 1], got " + value);
        }
    }

    private static float[] requireDistribution(String output, float[] values, int classes) {
        Objects.requireNonNull(values, output);
        if (values.length != classes) {
            throw new IllegalArgumentException(output + " must have " + classes + " class probabilities, got "
                    + values.length);
        }
        double sum = 0;
        for (float value : values) {
            requireProbability(output, value);
            sum += value;
        }
        if (Math.abs(sum - 1) > PROBABILITY_TOLERANCE) {
            throw new IllegalArgumentException(output + " probabilities must sum to 1, got " + sum + " from "
                    + Arrays.toString(values));
        }
        return values.clone();
    }
}
