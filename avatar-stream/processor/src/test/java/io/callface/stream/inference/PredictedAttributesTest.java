package io.callface.stream.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.callface.model.AttributeContract;
import io.callface.model.AttributeContract.FaceShape;
import io.callface.model.AttributeContract.HairLength;
import io.callface.model.AttributeContract.SkinToneCategory;
import org.junit.jupiter.api.Test;

class PredictedAttributesTest {
    private static final float[] HAIR = {0.1f, 0.2f, 0.5f, 0.15f, 0.05f};
    private static final float[] SHAPE = {0.1f, 0.2f, 0.3f, 0.4f};

    @Test
    void classesAreTheMostProbableAndTheSkinToneClassComesFromTheIta() {
        PredictedAttributes attributes = new PredictedAttributes(0.8f, 41f, 6f, 0.2f, HAIR, 0.6f, 30f, SHAPE);

        assertThat(attributes.hairLengthClass()).isEqualTo(HairLength.CHIN);
        assertThat(attributes.hairLengthProbability()).isEqualTo(0.5f);
        assertThat(attributes.faceShapeClass()).isEqualTo(FaceShape.OVAL);
        assertThat(attributes.faceShapeProbability()).isEqualTo(0.4f);
        assertThat(attributes.skinToneCategory()).isEqualTo(SkinToneCategory.INTERMEDIATE);
    }

    @Test
    void arraysAreCopiedInAndOut() {
        float[] hair = HAIR.clone();
        PredictedAttributes attributes = new PredictedAttributes(0.8f, 41f, 6f, 0.2f, hair, 0.6f, 30f, SHAPE);
        hair[0] = 0.9f;
        attributes.hairLength()[1] = 0.9f;

        assertThat(attributes.hairLength()).containsExactly(HAIR);
        assertThat(attributes).isEqualTo(new PredictedAttributes(0.8f, 41f, 6f, 0.2f, HAIR, 0.6f, 30f, SHAPE));
    }

    @Test
    void logitsInsteadOfClassProbabilitiesAreRefusedNamingTheOutput() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () ->
                new PredictedAttributes(0.8f, 41f, 6f, 0.2f, HAIR, 0.6f, 30f, new float[] {0.4f, 0.4f, 0.4f, 0.4f}));

        assertThat(e.getMessage()).contains(AttributeContract.FACE_SHAPE).contains("sum to 1");
    }

    @Test
    void probabilitiesOutsideTheUnitRangeANegativeSdAndWrongClassCountsAreRefused() {
        assertThat(assertThrows(IllegalArgumentException.class, () ->
                new PredictedAttributes(1.5f, 41f, 6f, 0.2f, HAIR, 0.6f, 30f, SHAPE)).getMessage())
                .contains(AttributeContract.MALE_PROBABILITY).contains("1.5");
        assertThat(assertThrows(IllegalArgumentException.class, () ->
                new PredictedAttributes(0.5f, 41f, -1f, 0.2f, HAIR, 0.6f, 30f, SHAPE)).getMessage())
                .contains(AttributeContract.AGE_SD_YEARS);
        assertThat(assertThrows(IllegalArgumentException.class, () ->
                new PredictedAttributes(0.5f, 41f, 6f, 0.2f, SHAPE, 0.6f, 30f, SHAPE)).getMessage())
                .contains(AttributeContract.HAIR_LENGTH).contains("5 class probabilities");
    }

    @Test
    void float32RoundingOfASigmoidIsTolerated() {
        PredictedAttributes attributes = new PredictedAttributes(1.0000001f, 41f, 0f, 0f, HAIR, 0f, -40f, SHAPE);

        assertThat(attributes.skinToneCategory()).isEqualTo(SkinToneCategory.DARK);
    }
}
