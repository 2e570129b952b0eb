package io.callface.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.callface.model.AttributeContract.SkinToneCategory;
import org.junit.jupiter.api.Test;

class AttributeContractTest {

    @Test
    void skinToneClassesFollowChardonsBoundsWithExclusiveLowerBounds() {
        assertThat(SkinToneCategory.of(70)).isEqualTo(SkinToneCategory.VERY_LIGHT);
        assertThat(SkinToneCategory.of(55.001)).isEqualTo(SkinToneCategory.VERY_LIGHT);
        assertThat(SkinToneCategory.of(55)).isEqualTo(SkinToneCategory.LIGHT);
        assertThat(SkinToneCategory.of(41)).isEqualTo(SkinToneCategory.INTERMEDIATE);
        assertThat(SkinToneCategory.of(28)).isEqualTo(SkinToneCategory.TAN);
        assertThat(SkinToneCategory.of(10)).isEqualTo(SkinToneCategory.BROWN);
        assertThat(SkinToneCategory.of(-29.9)).isEqualTo(SkinToneCategory.BROWN);
        assertThat(SkinToneCategory.of(-30)).isEqualTo(SkinToneCategory.DARK);
        assertThat(SkinToneCategory.of(Double.NEGATIVE_INFINITY)).isEqualTo(SkinToneCategory.DARK);
    }

    @Test
    void aNanItaHasNoClass() {
        assertThrows(IllegalArgumentException.class, () -> SkinToneCategory.of(Double.NaN));
    }

    @Test
    void outputsAreTheContractsEightWithClassWidthsFromTheEnums() {
        assertThat(AttributeContract.OUTPUT_WIDTHS).containsExactly(
                entry(AttributeContract.MALE_PROBABILITY, 1),
                entry(AttributeContract.AGE_YEARS, 1),
                entry(AttributeContract.AGE_SD_YEARS, 1),
                entry(AttributeContract.GREY_SHARE, 1),
                entry(AttributeContract.HAIR_LENGTH, 5),
                entry(AttributeContract.FACIAL_HAIR_PROBABILITY, 1),
                entry(AttributeContract.SKIN_ITA, 1),
                entry(AttributeContract.FACE_SHAPE, 4));
        assertThat(AttributeContract.HairLength.values()).extracting(Enum::name)
                .containsExactly("BUZZ", "SHORT", "CHIN", "SHOULDER", "LONG");
        assertThat(AttributeContract.FaceShape.values()).extracting(Enum::name)
                .containsExactly("LONG", "SQUARE", "ROUND", "OVAL");
    }

    @Test
    void noOutputNamesAncestryOrEthnicity() {
        assertThat(AttributeContract.OUTPUT_WIDTHS.keySet())
                .noneMatch(name -> name.contains("ancestry") || name.contains("ethnic") || name.contains("race"));
    }
}
