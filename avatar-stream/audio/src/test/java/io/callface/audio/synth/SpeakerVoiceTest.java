package io.callface.audio.synth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import java.util.function.ToDoubleFunction;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

class SpeakerVoiceTest {
    private static final int N = 4000;
    /** Standard error of a correlation near 0.3 over 4000 draws is about 0.015; allow four of them. */
    private static final double R_TOLERANCE = 0.06;

    @Property(tries = 200)
    void everyDrawIsAValidVoiceAndDeterministic(@ForAll boolean male, @ForAll @DoubleRange(min = 18, max = 90) double age,
                                                @ForAll @DoubleRange(min = -3, max = 3) double z, @ForAll long seed) {
        VoiceTraits voice = SpeakerVoice.sample(male, age, z, new Random(seed));
        assertThat(SpeakerVoice.sample(male, age, z, new Random(seed))).isEqualTo(voice);
    }

    @Test
    void youngAdultF0AndTractMatchTheLiterature() {
        Draws men = draws(true, 25);
        Draws women = draws(false, 25);
        assertThat(men.mean(VoiceTraits::f0Hz)).isBetween(110.0, 125.0);
        assertThat(women.mean(VoiceTraits::f0Hz)).isBetween(198.0, 215.0);
        assertThat(men.sd(VoiceTraits::f0Hz)).isBetween(14.0, 20.0);
        assertThat(men.mean(VoiceTraits::vocalTractCm)).isBetween(16.7, 17.2);
        assertThat(women.mean(VoiceTraits::vocalTractCm)).isBetween(14.4, 14.9);
    }

    @Test
    void womensF0FallsAroundMenopauseAndMensRisesLateInLife() {
        assertThat(SpeakerVoice.meanF0(false, 70)).isLessThan(SpeakerVoice.meanF0(false, 40) - 12);
        assertThat(SpeakerVoice.meanF0(true, 80)).isGreaterThan(SpeakerVoice.meanF0(true, 50) + 15);
        assertThat(SpeakerVoice.meanF0(true, 50)).isLessThan(SpeakerVoice.meanF0(true, 20));
        assertThat(draws(false, 75).mean(VoiceTraits::f0Hz)).isLessThan(draws(false, 30).mean(VoiceTraits::f0Hz));
    }

    @Test
    void tractLengthTracksBodyHeightOnlyWeaklyWithinSex() {
        Random random = new Random(5);
        double[] z = new double[N];
        double[] vtl = new double[N];
        double[] f0 = new double[N];
        for (int i = 0; i < N; i++) {
            z[i] = random.nextGaussian();
            VoiceTraits v = SpeakerVoice.sample(true, 30, z[i], random);
            vtl[i] = v.vocalTractCm();
            f0[i] = v.f0Hz();
        }
        assertThat(correlation(z, vtl)).isCloseTo(SpeakerVoice.HEIGHT_VTL_CORRELATION, within(R_TOLERANCE));
        assertThat(correlation(z, f0)).isCloseTo(SpeakerVoice.HEIGHT_F0_CORRELATION, within(R_TOLERANCE));
    }

    @Test
    void olderVoicesArePerturbedMoreBreathierAndSlower() {
        Draws young = draws(false, 22);
        Draws old = draws(false, 78);
        assertThat(old.mean(VoiceTraits::jitter)).isGreaterThan(young.mean(VoiceTraits::jitter));
        assertThat(old.mean(VoiceTraits::shimmer)).isGreaterThan(young.mean(VoiceTraits::shimmer));
        assertThat(old.mean(VoiceTraits::breathiness)).isGreaterThan(young.mean(VoiceTraits::breathiness));
        assertThat(old.mean(VoiceTraits::speakingRate)).isLessThan(young.mean(VoiceTraits::speakingRate));
        assertThat(draws(true, 22).mean(VoiceTraits::breathiness)).isLessThan(young.mean(VoiceTraits::breathiness));
    }

    @Test
    void rejectsChildrenAndNonFiniteBodySize() {
        assertThrows(IllegalArgumentException.class, () -> SpeakerVoice.sample(true, 12, 0, new Random(1)));
        assertThrows(IllegalArgumentException.class, () -> SpeakerVoice.sample(true, 30, Double.NaN, new Random(1)));
    }

    private static Draws draws(boolean male, double age) {
        Random random = new Random(male ? 1 : 2);
        VoiceTraits[] out = new VoiceTraits[N];
        for (int i = 0; i < N; i++) {
            out[i] = SpeakerVoice.sample(male, age, random.nextGaussian(), random);
        }
        return new Draws(out);
    }

    private record Draws(VoiceTraits[] voices) {
        double mean(ToDoubleFunction<VoiceTraits> f) {
            double sum = 0;
            for (VoiceTraits v : voices) {
                sum += f.applyAsDouble(v);
            }
            return sum / voices.length;
        }

        double sd(ToDoubleFunction<VoiceTraits> f) {
            double m = mean(f);
            double sum = 0;
            for (VoiceTraits v : voices) {
                sum += Math.pow(f.applyAsDouble(v) - m, 2);
            }
            return Math.sqrt(sum / (voices.length - 1));
        }
    }

    private static double correlation(double[] a, double[] b) {
        double ma = 0;
        double mb = 0;
        for (int i = 0; i < a.length; i++) {
            ma += a[i] / a.length;
            mb += b[i] / b.length;
        }
        double cov = 0;
        double va = 0;
        double vb = 0;
        for (int i = 0; i < a.length; i++) {
            cov += (a[i] - ma) * (b[i] - mb);
            va += (a[i] - ma) * (a[i] - ma);
            vb += (b[i] - mb) * (b[i] - mb);
        }
        return cov / Math.sqrt(va * vb);
    }
}
