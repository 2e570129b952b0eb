package io.callface.trainer.eval;

import io.callface.audio.synth.Accent;
import io.callface.audio.synth.VoiceTraits;
import io.callface.trainer.synth.IdentityTraits;
import io.callface.trainer.synth.Sex;
import io.callface.trainer.synth.SpeechHabits;
import java.util.Arrays;
import java.util.List;

/**
 * The ceiling of speech-to-face retrieval in a synthetic corpus: ridge regression from the exact parameters the
 * synthesiser gave an identity's voice (sex, F0, vocal-tract length, jitter, shimmer, speaking rate,
 * breathiness) and accent (for each group accent, how strongly the speaker has it: {@code 1 - exposure} for the
 * speaker's own language background, 0 for the others) to that identity's true face feature {@code v_f}. A voice
 * encoder can at best recover those parameters from the audio, so a linear map from them is what a voice model
 * could reach with perfect hearing and a linear read-out; its recall on held-out faces says how retrievable the
 * face encoder's feature space is from anything a voice reveals. The speaking style and the individual accent
 * perturbation are left out: the world draws them independently of everything a face shows. Inputs are
 * standardised on the training identities; the intercept is not penalised.
 */
public final class TraitOracle {
    /** Ridge penalty in standardised units; small against the hundreds of training identities. */
    static final double RIDGE = 1.0;
    /** The group accents whose strength is an input, in input order (the reference accent is their absence). */
    private static final List<Accent> GROUP_ACCENTS = List.of(Accent.WEST_AFRICAN, Accent.EAST_ASIAN,
            Accent.SOUTH_ASIAN);
    /** Sex (1 male) and the six {@link VoiceTraits}: the inputs before the accents'. */
    private static final int VOICE_INPUTS = 7;
    /** Inputs per identity: the voice's, then each group accent's strength. */
    static final int INPUTS = VOICE_INPUTS + GROUP_ACCENTS.size();

    private final LinearMap map;

    private TraitOracle(LinearMap map) {
        this.map = map;
    }

    /**
     * Fits the map from {@code traits.get(i)} to {@code features.get(i)}; needs more identities than
     * {@value #INPUTS} and features of one length.
     */
    public static TraitOracle fit(List<IdentityTraits> traits, List<float[]> features) {
        int n = traits.size();
        if (n != features.size() || n <= INPUTS) {
            throw new IllegalArgumentException("traits (" + n + ") and features (" + features.size()
                    + ") must be of equal length and more than " + INPUTS);
        }
        int d = features.get(0).length;
        if (features.stream().anyMatch(f -> f.length != d)) {
            throw new IllegalArgumentException("features: all must have length " + d);
        }
        return new TraitOracle(LinearMap.fit(traits.stream().map(TraitOracle::inputs).toArray(double[][]::new),
                features, RIDGE));
    }

    /** The face feature this oracle predicts for an identity with {@code traits}. */
    public float[] predict(IdentityTraits traits) {
        return map.predict(inputs(traits));
    }

    private static double[] inputs(IdentityTraits t) {
        VoiceTraits v = t.voice();
        SpeechHabits speech = t.speech();
        double[] in = Arrays.copyOf(new double[] {t.sex() == Sex.MALE ? 1 : 0, v.f0Hz(), v.vocalTractCm(),
                v.jitter(), v.shimmer(), v.speakingRate(), v.breathiness()}, INPUTS);
        for (int g = 0; g < GROUP_ACCENTS.size(); g++) {
            in[VOICE_INPUTS + g] = GROUP_ACCENTS.get(g).name().equals(speech.accent()) ? 1 - speech.exposure() : 0;
        }
        return in;
    }
}
