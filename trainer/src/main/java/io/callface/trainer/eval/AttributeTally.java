package io.callface.trainer.eval;

import io.callface.trainer.synth.IdentityTraits;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Collects the attribute verdicts of one evaluation, face by face, per {@link FaceSource}. */
final class AttributeTally {
    private final AttributeClassifiers classifiers;
    private final Map<FaceSource, List<AttributeJudgement>> truth = new EnumMap<>(FaceSource.class);
    private final Map<FaceSource, List<AttributeJudgement>> reference = new EnumMap<>(FaceSource.class);
    private final Map<FaceSource, List<AttributeJudgement>> judged = new EnumMap<>(FaceSource.class);

    AttributeTally(AttributeClassifiers classifiers) {
        this.classifiers = classifiers;
        for (FaceSource source : FaceSource.values()) {
            truth.put(source, new ArrayList<>());
            reference.put(source, new ArrayList<>());
            judged.put(source, new ArrayList<>());
        }
    }

    /** Judges a true test face against the identity's traits; returns the verdict, the reference for its decodings. */
    AttributeJudgement addTrueFace(IdentityTraits traits, float[] image) {
        AttributeJudgement verdict = classifiers.judge(image);
        add(FaceSource.TRUE, traits, AttributeJudgement.truth(traits), verdict);
        return verdict;
    }

    /** Judges a decoded face of {@code source} against {@code onTrueFace}, the verdict on the identity's true face. */
    void addDecoded(FaceSource source, IdentityTraits traits, AttributeJudgement onTrueFace, float[] image) {
        if (source == FaceSource.TRUE) {
            throw new IllegalArgumentException("true faces are added with addTrueFace");
        }
        add(source, traits, onTrueFace, classifiers.judge(image));
    }

    /** The scores of every source; each must have at least one face. */
    AttributeEvaluation evaluation() {
        Map<FaceSource, AttributeScores> scores = new EnumMap<>(FaceSource.class);
        for (FaceSource source : FaceSource.values()) {
            scores.put(source, scoresOf(source));
        }
        return new AttributeEvaluation(classifiers.trainingImages(), classifiers.penalties(), scores);
    }

    /** The scores of one source; it must have at least one face. */
    AttributeScores scoresOf(FaceSource source) {
        return AttributeScores.of(truth.get(source), reference.get(source), judged.get(source));
    }

    private void add(FaceSource source, IdentityTraits traits, AttributeJudgement ref, AttributeJudgement verdict) {
        truth.get(source).add(AttributeJudgement.truth(traits));
        reference.get(source).add(ref);
        judged.get(source).add(verdict);
    }
}
