package io.callface.trainer.synth;

import java.util.List;
import java.util.Locale;

/** The README.md written into a synthetic corpus: what it is, what drives what, seed and counts. */
final class CorpusReadme {
    private CorpusReadme() {
    }

    static String text(CorpusSpec spec, List<Split> splits) {
        long train = splits.stream().filter(s -> s == Split.TRAIN).count();
        long val = splits.stream().filter(s -> s == Split.VAL).count();
        long test = splits.stream().filter(s -> s == Split.TEST).count();
        return String.format(Locale.ROOT, """
                # Synthetic paired voice-face corpus (callface `trainer synth`)

                **Everything here is synthetic.** No real person's voice or face is in this directory. The voices
                are source-filter synthesis (Rosenberg glottal pulses through four formant resonators, random vowel
                sequences, fricative noise, pauses); they sound like buzzy vowel babble, not words. The faces are
                flat Java2D drawings of a frontal, neutral, uniformly lit face. The corpus exists to exercise and
                test the training and streaming pipeline end to end; a model trained on it learns this generator,
                not human voices or faces, and says nothing about how Speech2Face performs on real people.

                ## What drives what
                - sex and age are the latent causes (50/50 sex, age uniform 18-80).
                - voice: F0 and vocal-tract length depend on sex (and a little on age and body size); jitter,
                  shimmer and breathiness rise with age, speaking rate falls with age.
                - face shape (width/height, jaw width, nose width, eye spacing, lip fullness) depends on sex, age
                  and the within-sex vocal-tract residual plus individual noise: a voice predicts part of it.
                - skin, hair and eye colours are drawn independently of everything else: a voice cannot reveal
                  them, so a model that predicts them better than chance from audio is overfitting.
                - all generating traits are in `identities.csv`.

                ## Files
                - `manifest.csv`: `identity,split,audio,face`, one row per clip, paths relative to this directory.
                - `identities.csv`: one row per identity with its split and all traits (colours as #rrggbb).
                - `audio/<identity>_<k>.wav`: 16 kHz mono 16-bit PCM, %.2f s each.
                - `faces/<identity>.png`: %d x %d RGB face; `faces/<identity>.landmarks.csv`: 68 iBUG landmarks,
                  one `x,y` per line in [0,1] image coordinates (x right, y down).

                ## Generation
                - seed: %d
                - identities: %d (train %d, val %d, test %d; splits are speaker-disjoint)
                - clips per identity: %d (%d clips in all)
                - the same seed and options reproduce every file byte for byte.
                """, spec.clipSeconds(), spec.faceSize(), spec.faceSize(), spec.seed(), spec.identities(),
                train, val, test, spec.clipsPerIdentity(), spec.identities() * spec.clipsPerIdentity());
    }
}
