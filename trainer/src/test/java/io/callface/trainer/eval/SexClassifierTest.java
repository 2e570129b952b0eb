package io.callface.trainer.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SexClassifierTest {
    @Test
    void learnsASexSignalHiddenInOneOfManyNoisyDimensions() {
        Random random = new Random(3);
        List<float[]> train = new ArrayList<>();
        List<Boolean> labels = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            boolean male = random.nextBoolean();
            train.add(sample(male, random));
            labels.add(male);
        }
        SexClassifier classifier = SexClassifier.fit(train, labels);

        int correct = 0;
        for (int i = 0; i < 200; i++) {
            boolean male = i % 2 == 0;
            correct += classifier.isMale(sample(male, random)) == male ? 1 : 0;
        }
        // Class means 2 apart with unit noise: the Bayes rate is about 84 %.
        assertThat(correct / 200.0).isGreaterThan(0.75);
    }

    @Test
    void needsBothClasses() {
        assertThatThrownBy(() -> SexClassifier.fit(List.of(new float[] {1}, new float[] {2}), List.of(true, true)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("both sexes");
    }

    private static float[] sample(boolean male, Random random) {
        float[] f = new float[16];
        for (int j = 0; j < f.length; j++) {
            f[j] = (float) (random.nextGaussian() * 3);
        }
        f[5] = (float) ((male ? 1 : -1) + random.nextGaussian());
        return f;
    }
}
