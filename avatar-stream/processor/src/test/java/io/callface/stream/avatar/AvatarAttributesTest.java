package io.callface.stream.avatar;

import static org.assertj.core.api.Assertions.assertThat;

import io.callface.avro.CallerAttributes;
import io.callface.avro.FaceShapeClass;
import io.callface.avro.HairLengthClass;
import io.callface.avro.SkinToneCategory;
import io.callface.model.AttributeContract;
import io.callface.model.features.FaceColourSet;
import io.callface.stream.inference.PredictedAttributes;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class AvatarAttributesTest {
    private static final FaceColourSet COLOURS = new FaceColourSet("#c89a7e", "#3b2a20", "#a0525a", "#4a3a30");

    @Test
    void publishesTheMostProbableClassesWithTheFacesOwnHairAndSkinColours() {
        PredictedAttributes predicted = new PredictedAttributes(0.7f, 52.5f, 7.5f, 0.3f,
                new float[] {0.05f, 0.6f, 0.2f, 0.1f, 0.05f}, 0.45f, 12f, new float[] {0.5f, 0.2f, 0.2f, 0.1f});

        CallerAttributes published = AvatarAttributes.toAvro(predicted, COLOURS);

        assertThat(published.getMaleProbability()).isEqualTo(0.7f);
        assertThat(published.getAgeYears()).isEqualTo(52.5f);
        assertThat(published.getAgeSdYears()).isEqualTo(7.5f);
        assertThat(published.getHair().getColourHex()).isEqualTo("#3b2a20");
        assertThat(published.getHair().getLengthClass()).isEqualTo(HairLengthClass.SHORT);
        assertThat(published.getHair().getLengthProbability()).isEqualTo(0.6f);
        assertThat(published.getHair().getGreyShare()).isEqualTo(0.3f);
        assertThat(published.getFacialHairProbability()).isEqualTo(0.45f);
        assertThat(published.getSkinTone().getHex()).isEqualTo("#c89a7e");
        assertThat(published.getSkinTone().getIta()).isEqualTo(12f);
        assertThat(published.getSkinTone().getCategory()).isEqualTo(SkinToneCategory.TAN);
        assertThat(published.getFaceShape()).isEqualTo(FaceShapeClass.LONG);
        assertThat(published.getFaceShapeProbability()).isEqualTo(0.5f);
    }

    @Test
    void probabilitiesOffByRoundingAreClampedIntoTheUnitRange() {
        PredictedAttributes predicted = new PredictedAttributes(1.0004f, 30f, 5f, -0.0002f,
                new float[] {1f, 0f, 0f, 0f, 0f}, 0f, 60f, new float[] {0f, 0f, 0f, 1f});

        CallerAttributes published = AvatarAttributes.toAvro(predicted, COLOURS);

        assertThat(published.getMaleProbability()).isEqualTo(1f);
        assertThat(published.getHair().getGreyShare()).isEqualTo(0f);
        assertThat(published.getSkinTone().getCategory()).isEqualTo(SkinToneCategory.VERY_LIGHT);
    }

    @Test
    void theAvroEnumsHaveTheContractsSymbolsInItsOrder() {
        assertThat(names(HairLengthClass.values())).containsExactly(names(AttributeContract.HairLength.values()));
        assertThat(names(FaceShapeClass.values())).containsExactly(names(AttributeContract.FaceShape.values()));
        assertThat(names(SkinToneCategory.values()))
                .containsExactly(names(AttributeContract.SkinToneCategory.values()));
    }

    private static String[] names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toArray(String[]::new);
    }
}
