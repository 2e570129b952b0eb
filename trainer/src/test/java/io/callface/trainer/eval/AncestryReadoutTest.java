package io.callface.trainer.eval;

import static org.assertj.core.api.Assertions.assertThat;

import io.callface.trainer.synth.IdentityTraits;
import io.callface.trainer.synth.Population;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AncestryReadoutTest {
    private static final int DIMENSIONS = 16;

    @Test
    void aFeatureThatCarriesAccentIsReadForAccentedSpeakersOnly() {
        Random random = new Random(3);
        List<IdentityTraits> people = people(random);
        List<IdentityTraits> validation = people.subList(0, 300);
        List<IdentityTraits> test = people.subList(300, 600);

        AncestryReadout readout = AncestryReadout.measure(features(validation, random), validation,
                validation.stream().map(p -> "id" + validation.indexOf(p)).toList(), features(test, random), test).orElseThrow();

        assertThat(readout.validationClips()).isEqualTo(300);
        assertThat(readout.testClips()).isEqualTo(300);
        assertThat(readout.accentedAccuracy()).isGreaterThan(0.9);
        // Native speakers sound alike whatever their group: the read-out can only guess.
        assertThat(readout.nativeAccuracy()).isLessThan(0.75);
        assertThat(readout.accuracy()).isBetween(readout.nativeAccuracy(), readout.accentedAccuracy());
        assertThat(readout.majorityShare()).isBetween(0.25, 1.0);
    }

    @Test
    void aFeatureWithoutAccentReadsNoBetterThanNamingTheLargestGroup() {
        Random random = new Random(4);
        List<IdentityTraits> people = people(random);
        List<IdentityTraits> validation = people.subList(0, 300);
        List<IdentityTraits> test = people.subList(300, 600);
        List<float[]> noise = new ArrayList<>();
        List<float[]> testNoise = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            noise.add(gaussian(random));
            testNoise.add(gaussian(random));
        }

        AncestryReadout readout = AncestryReadout.measure(noise, validation,
                validation.stream().map(p -> "id" + validation.indexOf(p)).toList(), testNoise, test).orElseThrow();

        assertThat(readout.accuracy()).isLessThan(readout.majorityShare() + 0.08);
    }

    @Test
    void nothingIsMeasuredWithoutTwoGroupsToTellApart() {
        IdentityTraits one = Population.sample(new Random(1));

        assertThat(AncestryReadout.measure(List.of(new float[DIMENSIONS], new float[DIMENSIONS]), List.of(one, one),
                List.of("a", "b"), List.of(new float[DIMENSIONS]), List.of(one))).isEmpty();
    }

    /** 600 people of the synthetic world: the first half for fitting, the second for scoring. */
    private static List<IdentityTraits> people(Random random) {
        List<IdentityTraits> people = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            people.add(Population.sample(random));
        }
        return people;
    }

    /** A one-hot of the group, weight 3, for a speaker with a group accent; noise for everyone. */
    private static List<float[]> features(List<IdentityTraits> people, Random random) {
        List<float[]> out = new ArrayList<>();
        for (IdentityTraits person : people) {
            float[] x = gaussian(random);
            if (person.speech().exposure() < 1) {
                x[person.ancestry().ordinal()] += 3;
            }
            out.add(x);
        }
        return out;
    }

    private static float[] gaussian(Random random) {
        float[] x = new float[DIMENSIONS];
        for (int j = 0; j < DIMENSIONS; j++) {
            x[j] = (float) random.nextGaussian();
        }
        return x;
    }
}
