package io.callface.trainer.synth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class IdentitiesCsvTest {
    private static final List<String> COLUMNS = Arrays.asList(IdentitiesCsv.HEADER.split(","));

    @Property(tries = 300)
    void everyTraitRoundTrips(@ForAll long seed) {
        IdentityTraits traits = Population.sample(new Random(seed));
        String row = IdentitiesCsv.format("id00007", Split.TEST, traits);
        Identity parsed = IdentitiesCsv.parse(row);
        assertThat(parsed.id()).isEqualTo("id00007");
        assertThat(parsed.split()).isEqualTo(Split.TEST);
        IdentityTraits back = parsed.traits();
        // Categorical traits and colours are exact; numbers are written to 5 decimals.
        assertThat(back.sex()).isEqualTo(traits.sex());
        assertThat(back.ancestry()).isEqualTo(traits.ancestry());
        assertThat(back.colours()).isEqualTo(traits.colours());
        assertThat(back.hair()).isEqualTo(traits.hair());
        assertThat(back.facialHair()).isEqualTo(traits.facialHair());
        assertThat(back.ageYears()).isCloseTo(traits.ageYears(), org.assertj.core.data.Offset.offset(1e-5));
        assertThat(back.ageing().greyShare()).isCloseTo(traits.ageing().greyShare(), org.assertj.core.data.Offset.offset(1e-5));
        assertThat(back.detail().browRidge()).isCloseTo(traits.detail().browRidge(), org.assertj.core.data.Offset.offset(1e-5));
        assertThat(IdentitiesCsv.format("id00007", Split.TEST, back)).isEqualTo(row);
    }

    @Test
    void headerNamesEveryGeneratingTrait() {
        assertThat(COLUMNS).contains("ancestry", "body_size", "chin_height", "brow_ridge", "brow_thickness",
                "brow_height", "eye_opening", "hair_length", "hair_style", "hair_texture", "norwood", "facial_hair",
                "grey_share", "forehead_lines", "crows_feet", "nasolabial_folds").doesNotHaveDuplicates();
    }

    @Test
    void badFieldsAreNamed() {
        String row = IdentitiesCsv.format("id00001", Split.TRAIN, Population.sample(new Random(3)));
        assertThatThrownBy(() -> IdentitiesCsv.parse(with(row, "hair_texture", "frizzy")))
                .hasMessageStartingWith("hair_texture: 'frizzy' is not one of straight, wavy, curly, coily");
        assertThatThrownBy(() -> IdentitiesCsv.parse(with(row, "norwood", "9")))
                .hasMessageStartingWith("norwood: 9 is outside");
        assertThatThrownBy(() -> IdentitiesCsv.parse(with(row, "grey_share", "lots")))
                .hasMessageStartingWith("grey_share: 'lots' is not a number");
        assertThatThrownBy(() -> IdentitiesCsv.parse(with(with(row, "sex", "female"), "facial_hair", "beard")))
                .hasMessageStartingWith("facialHair: beard on a woman");
        assertThatThrownBy(() -> IdentitiesCsv.parse(row + ",extra")).hasMessageContaining("columns");
    }

    private static String with(String row, String column, String value) {
        String[] fields = row.split(",", -1);
        fields[COLUMNS.indexOf(column)] = value;
        return String.join(",", fields);
    }
}
