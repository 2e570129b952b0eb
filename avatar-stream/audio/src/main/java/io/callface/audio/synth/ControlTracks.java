package io.callface.audio.synth;

import io.callface.audio.synth.Utterance.PitchTarget;
import io.callface.audio.synth.Utterance.Segment;
import io.callface.audio.synth.Utterance.Span;
import java.util.Arrays;
import java.util.List;

/**
 * Synthesis parameters per 1 ms control step, built from an {@link Utterance} in the manner of Klatt's (1980,
 * JASA 67:971) parameter tracks: voicing, aspiration and frication amplitudes, the frication noise band, F0, four
 * formant frequencies, the nasal pole-zero pair and creak.
 *
 * <p>Formants are linearly interpolated between the segments' anchors, so each consonant-vowel transition spans
 * from the consonant's locus to the vowel's target (about 40-80 ms at normal rates), then smoothed. Amplitudes are
 * set per manner: vowels at their loudness; nasal murmur at {@value #NASAL_VOICING}, approximants at
 * {@value #APPROXIMANT_VOICING}, voiced fricatives at {@value #FRICATIVE_VOICING} of it; a voiced stop's closure
 * carries a voice bar ({@value #VOICE_BAR}); a stop's release is a {@value #BURST_MS} ms burst of noise in its
 * place's band followed by aspiration (voicing off) for its voice-onset time. Nasals open the nasal branch: the
 * antiresonance moves from the nasal pole ({@value #NASAL_POLE_HZ} Hz, reference tract), where the pair cancels,
 * to the nasal's antiformant. The F0 track interpolates the intonation targets in semitones and is then scaled so
 * its median over voiced steps is the speaker's F0.
 */
final class ControlTracks {
    static final double NASAL_VOICING = 0.22;
    static final double APPROXIMANT_VOICING = 0.7;
    static final double FRICATIVE_VOICING = 0.4;
    static final double VOICE_BAR = 0.1;
    static final int BURST_MS = 6;
    static final double NASAL_POLE_HZ = 270;
    private static final double SIBILANT_LEVEL = 1;
    private static final double WEAK_FRICATIVE_LEVEL = 0.3;
    private static final double BURST_LEVEL = 0.8;
    private static final double ASPIRATION_LEVEL = 0.5;
    private static final double MAX_NOISE_HZ = 7000;
    private static final double MIN_F0_HZ = 35;
    private static final double MAX_F0_HZ = 600;

    final int steps;
    /** Length of the reference tract over the speaker's: formant scale. */
    final double scale;
    final float[] f0Hz;
    final float[] voicing;
    final float[] aspiration;
    final float[] frication;
    final float[] noiseHz;
    final float[] noiseBandwidthHz;
    final float[][] formants;
    final float[] nasalZeroHz;
    final boolean[] creak;

    private ControlTracks(int steps, double scale) {
        this.steps = steps;
        this.scale = scale;
        f0Hz = new float[steps];
        voicing = new float[steps];
        aspiration = new float[steps];
        frication = new float[steps];
        noiseHz = new float[steps];
        noiseBandwidthHz = new float[steps];
        formants = new float[4][steps];
        nasalZeroHz = new float[steps];
        creak = new boolean[steps];
    }

    static ControlTracks build(Utterance utterance, VoiceTraits traits) {
        double scale = ArticulationPlan.REFERENCE_VTL_CM / traits.vocalTractCm();
        ControlTracks tracks = new ControlTracks(utterance.steps(), scale);
        tracks.formantTracks(utterance.segments());
        tracks.sources(utterance.segments());
        tracks.pitch(utterance.pitch(), traits.f0Hz());
        for (Span span : utterance.creak()) {
            tracks.fill(tracks.creak, span.from(), span.to());
        }
        return tracks;
    }

    double nasalPoleHz() {
        return NASAL_POLE_HZ * scale;
    }

    private void formantTracks(List<Segment> segments) {
        int anchors = 0;
        int[] at = new int[2 * segments.size()];
        Formants[] values = new Formants[at.length];
        for (Segment s : segments) {
            if (s.isVowel()) {
                at[anchors] = s.start() + s.length() / 4;
                values[anchors++] = s.onset();
                at[anchors] = s.start() + 3 * s.length() / 4;
                values[anchors++] = s.offset();
            } else {
                at[anchors] = s.start() + s.length() / 2;
                values[anchors++] = s.onset();
            }
        }
        for (int n = 1; n <= 4; n++) {
            double[] hz = new double[anchors];
            for (int a = 0; a < anchors; a++) {
                hz[a] = values[a].get(n);
            }
            interpolate(formants[n - 1], at, hz, anchors, Formants.SCHWA.get(n) * scale);
            smooth(formants[n - 1], 8);
        }
    }

    private void sources(List<Segment> segments) {
        Arrays.fill(nasalZeroHz, (float) nasalPoleHz());
        Arrays.fill(noiseHz, (float) (4000 * scale));
        Arrays.fill(noiseBandwidthHz, 3000);
        for (Segment s : segments) {
            Consonant c = s.consonant();
            double loud = s.loudness();
            if (c == null) {
                fill(voicing, s.start(), s.end(), loud);
                continue;
            }
            double band = Math.min(MAX_NOISE_HZ, c.place == Consonant.Place.VELAR ? s.onset().f2()
                    : c.place.noiseHz * scale);
            fill(noiseHz, s.start(), s.end() + BURST_MS, band);
            fill(noiseBandwidthHz, s.start(), s.end() + BURST_MS, c.place.noiseBandwidthHz);
            switch (c.manner) {
                case PLOSIVE -> fill(voicing, s.start(), s.end(), c.voiced ? VOICE_BAR * loud : 0);
                case FRICATIVE -> {
                    if (c.place == Consonant.Place.GLOTTAL) {
                        fill(aspiration, s.start(), s.end(), ASPIRATION_LEVEL * loud);
                    } else {
                        double level = (c.isSibilant() ? SIBILANT_LEVEL : WEAK_FRICATIVE_LEVEL) * loud;
                        fill(frication, s.start(), s.end(), c.voiced ? 0.6 * level : level);
                        fill(voicing, s.start(), s.end(), c.voiced ? FRICATIVE_VOICING * loud : 0);
                    }
                }
                case NASAL -> {
                    fill(voicing, s.start(), s.end(), NASAL_VOICING * loud);
                    fill(nasalZeroHz, s.start(), s.end(), c.antiformantHz * scale);
                }
                case APPROXIMANT -> fill(voicing, s.start(), s.end(), APPROXIMANT_VOICING * loud);
            }
        }
        // Releases last: the burst and aspiration overwrite the start of what follows.
        for (Segment s : segments) {
            Consonant c = s.consonant();
            if (c != null && c.manner == Consonant.Manner.PLOSIVE) {
                fill(frication, s.end(), s.end() + BURST_MS, BURST_LEVEL * s.loudness());
                int release = s.end() + BURST_MS;
                fill(voicing, s.end(), release + s.releaseSteps(), 0);
                fill(aspiration, release, release + s.releaseSteps(),
                        (c.voiced ? 0.2 : 1) * ASPIRATION_LEVEL * s.loudness());
            }
        }
        smooth(voicing, 4);
        smooth(aspiration, 4);
        smooth(frication, 2);
        smooth(noiseHz, 5);
        smooth(nasalZeroHz, 10);
    }

    private void pitch(List<PitchTarget> targets, double speakerF0) {
        int n = targets.size();
        int[] at = new int[n];
        double[] st = new double[n];
        for (int i = 0; i < n; i++) {
            at[i] = targets.get(i).step();
            st[i] = targets.get(i).semitones();
        }
        float[] semitones = new float[steps];
        interpolate(semitones, at, st, n, 0);
        smooth(semitones, 15);
        double[] voiced = new double[steps];
        int count = 0;
        for (int k = 0; k < steps; k++) {
            if (voicing[k] > 0.3) {
                voiced[count++] = semitones[k];
            }
        }
        double median = 0;
        if (count > 0) {
            double[] sorted = Arrays.copyOf(voiced, count);
            Arrays.sort(sorted);
            median = sorted[count / 2];
        }
        for (int k = 0; k < steps; k++) {
            double hz = speakerF0 * Math.pow(2, (semitones[k] - median) / 12);
            f0Hz[k] = (float) Math.max(MIN_F0_HZ, Math.min(MAX_F0_HZ, hz));
        }
    }

    /** Piecewise-linear through ({@code at[i]}, {@code values[i]}), held flat outside; {@code empty} if none. */
    private static void interpolate(float[] track, int[] at, double[] values, int count, double empty) {
        if (count == 0) {
            Arrays.fill(track, (float) empty);
            return;
        }
        int next = 0;
        for (int k = 0; k < track.length; k++) {
            while (next < count && at[next] <= k) {
                next++;
            }
            double v;
            if (next == 0) {
                v = values[0];
            } else if (next == count) {
                v = values[count - 1];
            } else {
                int a = at[next - 1];
                int b = at[next];
                v = values[next - 1] + (values[next] - values[next - 1]) * (k - a) / (double) (b - a);
            }
            track[k] = (float) v;
        }
    }

    private void fill(float[] track, int from, int to, double value) {
        int a = Math.max(0, Math.min(from, steps));
        int b = Math.max(0, Math.min(to, steps));
        if (a < b) {
            Arrays.fill(track, a, b, (float) value);
        }
    }

    private void fill(boolean[] track, int from, int to) {
        int a = Math.max(0, Math.min(from, steps));
        int b = Math.max(0, Math.min(to, steps));
        if (a < b) {
            Arrays.fill(track, a, b, true);
        }
    }

    /** Zero-phase first-order low-pass (forward then backward) with time constant {@code tauMs}, in place. */
    private static void smooth(float[] track, double tauMs) {
        double alpha = 1 - Math.exp(-1 / tauMs);
        double y = track[0];
        for (int i = 0; i < track.length; i++) {
            y += alpha * (track[i] - y);
            track[i] = (float) y;
        }
        y = track[track.length - 1];
        for (int i = track.length - 1; i >= 0; i--) {
            y += alpha * (track[i] - y);
            track[i] = (float) y;
        }
    }
}
