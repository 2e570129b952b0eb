package io.callface.stream.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Test-only: compares attribute sets output by output, within a float32 tolerance. */
public final class AttributeAssertions {
    private AttributeAssertions() {
    }

    public static void assertAttributesClose(PredictedAttributes actual, PredictedAttributes expected,
                                             float tolerance) {
        assertThat(actual).as("attributes").isNotNull();
        assertThat(actual.maleProbability()).as("male_probability").isCloseTo(expected.maleProbability(), within(tolerance));
        assertThat(actual.ageYears()).as("age_years").isCloseTo(expected.ageYears(), within(tolerance));
        assertThat(actual.ageSdYears()).as("age_sd_years").isCloseTo(expected.ageSdYears(), within(tolerance));
        assertThat(actual.greyShare()).as("grey_share").isCloseTo(expected.greyShare(), within(tolerance));
        assertThat(actual.hairLength()).as("hair_length").containsExactly(expected.hairLength(), within(tolerance));
        assertThat(actual.facialHairProbability()).as("facial_hair_probability")
                .isCloseTo(expected.facialHairProbability(), within(tolerance));
        assertThat(actual.skinIta()).as("skin_ita").isCloseTo(expected.skinIta(), within(tolerance));
        assertThat(actual.faceShape()).as("face_shape").containsExactly(expected.faceShape(), within(tolerance));
    }
}
