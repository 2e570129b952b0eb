package io.callface.trainer.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SeedSpreadTest {

    @Test
    void meanAndStandardErrorAcrossSeeds() {
        SeedSpread spread = new SeedSpread(List.of(0.889, 0.921, 0.905));

        assertThat(spread.mean()).isCloseTo(0.905, within(1e-12));
        // sample sd of (-0.016, 0.016, 0) is 0.016; / sqrt(3)
        assertThat(spread.standardError()).isCloseTo(0.016 / Math.sqrt(3), within(1e-12));
        assertThat(spread.describe(100, "%.1f", " %")).isEqualTo("90.5 % (88.9, 92.1, 90.5; +- 0.9 across 3 seeds)");
    }

    @Test
    void oneSeedPrintsItsValueAlone() {
        SeedSpread spread = new SeedSpread(List.of(0.25));

        assertThat(spread.standardError()).isZero();
        assertThat(spread.describe(1, "%.3f", " years")).isEqualTo("0.250 years");
    }

    @Test
    void aFigureMissingOnAnySeedIsNotMeasured() {
        assertThat(SeedSpread.of(List.of(1.0, 2.0), v -> Optional.of(v * 2))).get()
                .extracting(SeedSpread::perSeed).isEqualTo(List.of(2.0, 4.0));
        assertThat(SeedSpread.of(List.of(1.0, 2.0), v -> v > 1 ? Optional.<Double>empty() : Optional.of(v))).isEmpty();
    }

    @Test
    void refusesNoSeeds() {
        assertThatThrownBy(() -> new SeedSpread(List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
