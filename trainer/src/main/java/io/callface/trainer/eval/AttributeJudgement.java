package io.callface.trainer.eval;

import io.callface.trainer.synth.Ancestry;
import io.callface.trainer.synth.IdentityTraits;
import io.callface.trainer.synth.Sex;
import java.util.Objects;

/**
 * What the {@link AttributeClassifiers} read from one face image (the role of Face++ in the paper's section 5).
 *
 * @param maleProbability probability that the face is male
 * @param ageYears        judged age in years, within the training identities' age range
 * @param ancestry        most probable ancestry group
 */
public record AttributeJudgement(double maleProbability, double ageYears, Ancestry ancestry) {
    public AttributeJudgement {
        if (!(maleProbability >= 0 && maleProbability <= 1) || !Double.isFinite(ageYears)) {
            throw new IllegalArgumentException("maleProbability must be in [0, 1] and ageYears finite, got "
                    + maleProbability + ", " + ageYears);
        }
        Objects.requireNonNull(ancestry, "ancestry");
    }

    /** The generating traits read as a judgement: the reference row of the true faces' confusion matrices. */
    public static AttributeJudgement truth(IdentityTraits traits) {
        return new AttributeJudgement(traits.sex() == Sex.MALE ? 1 : 0, traits.ageYears(), traits.ancestry());
    }

    public Sex sex() {
        return maleProbability >= 0.5 ? Sex.MALE : Sex.FEMALE;
    }

    public AgeGroup ageGroup() {
        return AgeGroup.of(ageYears);
    }
}
