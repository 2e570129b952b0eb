package io.callface.trainer.synth;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.util.Random;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

class PopulationTest {
    private static final int N = 3000;
    /** Below this |r| a correlation is treated as absent (3000 samples: sd of r under independence ~0.018). */
    private static final double NO_CORRELATION = 0.07;

    private final IdentityTraits[] people = sample();

    private static IdentityTraits[] sample() {
        Random random = new Random(11);
        IdentityTraits[] out = new IdentityTraits[N];
        for (int i = 0; i < N; i++) {
            out[i] = Population.sample(random);
        }
        return out;
    }

    @Test
    void voiceSeparatesTheSexes() {
        assertThat(correlation(t -> t.sex() == Sex.MALE ? 1 : 0, t -> t.voice().f0Hz())).isLessThan(-0.8);
        assertThat(correlation(t -> t.sex() == Sex.MALE ? 1 : 0, IdentityTraits::vocalTractCm)).isGreaterThan(0.8);
    }

    @Test
    void faceShapeIsPartlyPredictableFromTheVocalTract() {
        assertThat(correlation(IdentityTraits::vocalTractCm, t -> t.face().jawWidth())).isBetween(0.4, 0.95);
        assertThat(correlation(IdentityTraits::vocalTractCm, t -> t.face().aspect())).isBetween(0.3, 0.95);
        assertThat(correlation(IdentityTraits::vocalTractCm, t -> t.face().noseWidth())).isBetween(0.3, 0.95);
        assertThat(correlation(t -> t.voice().f0Hz(), t -> t.face().lipFullness())).isBetween(0.2, 0.95);
    }

    @Test
    void coloursCarryNoVoiceInformation() {
        ToDoubleFunction<IdentityTraits> skin = t -> luminance(t.colours().skin());
        ToDoubleFunction<IdentityTraits> hair = t -> luminance(t.colours().hair());
        ToDoubleFunction<IdentityTraits> eyes = t -> t.colours().eyes().getBlue();
        for (ToDoubleFunction<IdentityTraits> colour : java.util.List.of(skin, hair, eyes)) {
            assertThat(Math.abs(correlation(colour, t -> t.voice().f0Hz()))).isLessThan(NO_CORRELATION);
            assertThat(Math.abs(correlation(colour, IdentityTraits::vocalTractCm))).isLessThan(NO_CORRELATION);
            assertThat(Math.abs(correlation(colour, IdentityTraits::ageYears))).isLessThan(NO_CORRELATION);
        }
    }

    private static double luminance(Color c) {
        return 0.299 * c.getRed() + 0.587 * c.getGreen() + 0.114 * c.getBlue();
    }

    private double correlation(ToDoubleFunction<IdentityTraits> a, ToDoubleFunction<IdentityTraits> b) {
        double ma = 0;
        double mb = 0;
        for (IdentityTraits t : people) {
            ma += a.applyAsDouble(t);
            mb += b.applyAsDouble(t);
        }
        ma /= N;
        mb /= N;
        double cov = 0;
        double va = 0;
        double vb = 0;
        for (IdentityTraits t : people) {
            double da = a.applyAsDouble(t) - ma;
            double db = b.applyAsDouble(t) - mb;
            cov += da * db;
            va += da * da;
            vb += db * db;
        }
        return cov / Math.sqrt(va * vb);
    }
}
