package io.callface.trainer.eval;

import static org.assertj.core.api.Assertions.assertThat;

import io.callface.trainer.synth.Ancestry;
import io.callface.trainer.synth.Sex;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AttributeClassifiersTest {
    private static final int SIZE = 32;
    /** Background tints of the four groups. */
    private static final float[][] TINTS = {{0.8f, 0.6f, 0.5f}, {0.3f, 0.2f, 0.15f}, {0.7f, 0.6f, 0.3f}, {0.5f, 0.35f, 0.3f}};

    @Test
    void readSexAgeAndAncestryDrawnIntoSyntheticImages() {
        Random random = new Random(21);
        List<float[]> images = new ArrayList<>();
        List<AttributeJudgement> labels = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            AttributeJudgement truth = randomPerson(random);
            images.add(draw(truth, random));
            labels.add(truth);
        }

        AttributeClassifiers classifiers = AttributeClassifiers.fit(images, labels, SIZE);

        int sexCorrect = 0;
        int ancestryCorrect = 0;
        double[] judgedAge = new double[100];
        double[] trueAge = new double[100];
        for (int i = 0; i < 100; i++) {
            AttributeJudgement truth = randomPerson(random);
            AttributeJudgement verdict = classifiers.judge(draw(truth, random));
            sexCorrect += verdict.sex() == truth.sex() ? 1 : 0;
            ancestryCorrect += verdict.ancestry() == truth.ancestry() ? 1 : 0;
            judgedAge[i] = verdict.ageYears();
            trueAge[i] = truth.ageYears();
            assertThat(verdict.ageYears()).isBetween(18.0, 80.0);
        }
        assertThat(classifiers.trainingImages()).isEqualTo(300);
        assertThat(classifiers.imageSize()).isEqualTo(SIZE);
        assertThat(classifiers.penalties()).containsEntry("sex", AttributeClassifiers.DEFAULT_PENALTY);
        // Each trait is drawn far above the pixel noise, so a linear read-out recovers it nearly always.
        assertThat(sexCorrect).isGreaterThan(95);
        assertThat(ancestryCorrect).isGreaterThan(90);
        assertThat(Correlation.pearson(judgedAge, trueAge).r()).isGreaterThan(0.8);
    }

    private static AttributeJudgement randomPerson(Random random) {
        return new AttributeJudgement(random.nextBoolean() ? 1 : 0, 18 + 62 * random.nextDouble(),
                Ancestry.values()[random.nextInt(Ancestry.values().length)]);
    }

    /**
     * The group's tint as background, a dark band low on the face for men ("beard"), stripes whose contrast grows
     * with age in the top rows ("wrinkles"), pixel noise of sd 0.05 everywhere.
     */
    private static float[] draw(AttributeJudgement person, Random random) {
        int plane = SIZE * SIZE;
        float[] image = new float[3 * plane];
        float contrast = (float) (0.4 * (person.ageYears() - 18) / 62);
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                for (int c = 0; c < 3; c++) {
                    float v = TINTS[person.ancestry().ordinal()][c];
                    if (person.sex() == Sex.MALE && y >= 22 && y < 28 && x >= 8 && x < 24) {
                        v *= 0.4f;
                    }
                    if (y < 10 && x % 2 == 0) {
                        v += contrast;
                    }
                    image[c * plane + y * SIZE + x] = (float) Math.min(1, Math.max(0, v + 0.05 * random.nextGaussian()));
                }
            }
        }
        return image;
    }
}
