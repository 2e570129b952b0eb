package io.callface.trainer.eval;

import io.callface.trainer.synth.IdentityTraits;
import java.util.List;
import java.util.Optional;

/**
 * What linear read-outs find of ancestry and age in 6 s of speech, fitted on the validation clips and scored on the
 * test clips the same way for two descriptions of each clip: the voice encoder's feature {@code v_s}, and the
 * {@link LogMelStatistics} of the same clip, which no network has learned. The second tells what is audible in the
 * clip to a generic listener; where it finds more than the first, the voice encoder, not the world, is the limit.
 *
 * @param featureAncestry ancestry from {@code v_s}
 * @param featureAge      age from {@code v_s}
 * @param logMelAncestry  ancestry from the log mel statistics
 * @param logMelAge       age from the log mel statistics
 */
public record SpeechReadouts(AncestryReadout featureAncestry, AgeReadout featureAge, AncestryReadout logMelAncestry,
                             AgeReadout logMelAge) {

    /** The speech of a split's clips, in clip order: speaker, traits, {@code v_s} and log mel statistics. */
    record Clips(List<String> identities, List<IdentityTraits> traits, List<float[]> features, List<float[]> logMel) {
        double[] ages() {
            return traits.stream().mapToDouble(IdentityTraits::ageYears).toArray();
        }
    }

    /** Empty when either read-out cannot be fitted (too few clips, or fewer than two ancestry groups). */
    static Optional<SpeechReadouts> measure(Clips validation, Clips test) {
        Optional<AncestryReadout> featureAncestry = AncestryReadout.measure(validation.features(), validation.traits(),
                validation.identities(), test.features(), test.traits());
        Optional<AncestryReadout> logMelAncestry = AncestryReadout.measure(validation.logMel(), validation.traits(),
                validation.identities(), test.logMel(), test.traits());
        Optional<AgeReadout> featureAge = AgeReadout.measure(validation.features(), validation.ages(),
                validation.identities(), test.features(), test.ages());
        Optional<AgeReadout> logMelAge = AgeReadout.measure(validation.logMel(), validation.ages(),
                validation.identities(), test.logMel(), test.ages());
        if (featureAncestry.isEmpty() || logMelAncestry.isEmpty() || featureAge.isEmpty() || logMelAge.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new SpeechReadouts(featureAncestry.get(), featureAge.get(), logMelAncestry.get(),
                logMelAge.get()));
    }
}
