package io.callface.trainer.eval;

import io.callface.trainer.synth.HairLength;
import java.util.List;

/**
 * What the {@link AttributeHeads} say about a caller from one face feature, calibrated for features predicted from
 * speech.
 *
 * @param maleProbability        probability that the face is perceived as male
 * @param ageYears               age in years
 * @param ageSdYears             the age's uncertainty: the residual standard deviation on held-out speech
 * @param greyShare              share of grey hair, 0-1
 * @param hairLength             probability of each {@link HairLength}, by ordinal
 * @param facialHairProbability  probability of a beard, moustache or stubble
 * @param skinIta                skin tone as the individual typology angle in degrees ({@link SkinTone})
 * @param faceShape              probability of each {@link FaceShapeClass}, by ordinal
 */
public record CallerAttributes(double maleProbability, double ageYears, double ageSdYears, double greyShare,
                               List<Double> hairLength, double facialHairProbability, double skinIta,
                               List<Double> faceShape) {
    public CallerAttributes {
        hairLength = List.copyOf(hairLength);
        faceShape = List.copyOf(faceShape);
        if (hairLength.size() != HairLength.values().length || faceShape.size() != FaceShapeClass.values().length) {
            throw new IllegalArgumentException("hairLength needs " + HairLength.values().length + " and faceShape "
                    + FaceShapeClass.values().length + " probabilities, got " + hairLength.size() + " and "
                    + faceShape.size());
        }
    }

    /** The most probable hair length. */
    public HairLength likeliestHairLength() {
        return HairLength.values()[argmax(hairLength)];
    }

    /** The most probable face shape. */
    public FaceShapeClass likeliestFaceShape() {
        return FaceShapeClass.values()[argmax(faceShape)];
    }

    private static int argmax(List<Double> p) {
        return ReliabilityTable.argmax(p.stream().mapToDouble(Double::doubleValue).toArray());
    }
}
