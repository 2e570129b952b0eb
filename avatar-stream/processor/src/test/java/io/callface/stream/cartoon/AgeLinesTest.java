package io.callface.stream.cartoon;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AgeLinesTest {
    @Test
    void aYoungFaceHasNoLines() {
        AgeLines lines = AgeLines.of(24, 0.5);

        assertThat(lines.drawnCount()).isZero();
        assertThat(lines.showsCrowsFeet()).isFalse();
        assertThat(lines.showsFolds()).isFalse();
    }

    @Test
    void linesAppearAboutNineYearsAfterTheirOnsetAndTheForeheadGetsMoreWithAge() {
        // Forehead onset 25 for a woman: visible from 34; crow's feet and folds (onset 30) from 39.
        assertThat(AgeLines.of(33, 0).foreheadLineCount()).isZero();
        assertThat(AgeLines.of(35, 0).foreheadLineCount()).isEqualTo(1);
        assertThat(AgeLines.of(38, 0).showsFolds()).isFalse();
        assertThat(AgeLines.of(40, 0).showsFolds()).isTrue();
        assertThat(AgeLines.of(40, 0).showsCrowsFeet()).isTrue();
        assertThat(AgeLines.of(47, 0).foreheadLineCount()).isEqualTo(2);
        assertThat(AgeLines.of(60, 0).foreheadLineCount()).isEqualTo(3);
        assertThat(AgeLines.of(70, 0).drawnCount()).isEqualTo(3 + 2 + 2);
    }

    @Test
    void aMansForeheadLinesStartThreeYearsEarlier() {
        assertThat(AgeLines.of(32, 1).foreheadLineCount()).isEqualTo(1);
        assertThat(AgeLines.of(32, 0).foreheadLineCount()).isZero();
    }

    @Test
    void anAgeThatIsNotANumberDrawsNoLines() {
        assertThat(AgeLines.of(Double.NaN, 0.5).drawnCount()).isZero();
    }
}
