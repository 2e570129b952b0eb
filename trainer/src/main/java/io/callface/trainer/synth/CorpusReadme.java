package io.callface.trainer.synth;

import java.util.List;
import java.util.Locale;

/**
 * The README.md written into a synthetic corpus: what it is, every formula of the world with its source, what a
 * voice can and cannot reveal in it, the files, seed and counts. The formulas are those of {@link Population},
 * {@link io.callface.audio.synth.SpeakerVoice}, {@link PigmentModel}, {@link HairModel} and {@link AgeingModel}.
 */
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
                are callface's own source-filter speech synthesis (`io.callface.audio.synth.SpeechSynthesizer`: nonsense words with
                English-like phonotactics, stress, accents and sentence prosody, by four formant-synthesis methods);
                no other speech engine's output is used, so engines such as eSpeak NG stay held out for testing
                (`trainer listen`). It is not intelligible English. The faces are Java2D drawings. The corpus exists
                to train and test the pipeline end to end; a model trained on it
                learns this generator, not human voices or faces, and says nothing about how Speech2Face performs on
                real people. The world's formulas follow published population statistics (sources below) but are a
                stand-in: they were chosen from the literature, never tuned to make a model pass.

                ## Latent causes
                - sex: 50/50.
                - age: uniform 18-80 years (an even cover of adult life, so every age group has test support; not a
                  census age pyramid).
                - ancestry: european, african, east_asian, south_asian, 25 %% each (balanced on purpose; the paper's
                  AVSpeech is not, and the paper blames its weak groups on that).
                - body size z: within-sex standard score of height, N(0, 1) clipped to +-3.

                ## Voice (a = age - 18; e: fresh standard normal draws)
                - F0 (Hz): men 120 - 0.3 (min(age, 50) - 18) + 0.8 max(0, age - 55); women 210 - 0.1 a - 0.6 (clamp(age,
                  45, 65) - 45); individual sd 17 / 22 Hz, correlated r = -0.1 with z. Sources: Hillenbrand et al. 1995
                  (JASA 97:3099), Titze 1994, Hollien & Shipp 1972 (JSHR 15:155; men's F0 rises late in life),
                  Stoicheff 1981 (JSHR 24:437) and Nishio & Niimi 2008 (women's F0 falls around menopause),
                  Pisanski et al. 2014 (Anim Behav 95:89; F0 barely tracks height within sex).
                - vocal-tract length (cm): men 16.9, women 14.6, +0.008 cm/year, sd 0.8 / 0.7, correlated r = 0.3 with
                  z (Fitch & Giedd 1999, JASA 106:1511; Vorperian et al. 2009; Xue & Hao 2003; Pisanski et al. 2014:
                  formants track height at about r = 0.3 within sex).
                - jitter (0.0045 + 0.00006 a) and shimmer (0.030 + 0.0003 a), each times exp(0.3 e) (Xue & Deliyski
                  2001); speaking rate 5.0 + 0.15 (men) - 0.012 a + 0.5 e syllables/s (Jacewicz et al. 2009/2010;
                  Quené 2008); breathiness women 0.30, men 0.15, + 0.002 a + 0.08 e (Klatt & Klatt 1990; Linville 2001).

                ## Speech (columns accent .. creakiness)
                Each clip is `SpeechSynthesizer` speech in the identity's voice, accent and style; the synthesis method
                is drawn per clip, a quarter each: Klatt's cascade formant chain (Klatt 1980, JASA 67:971) or a
                Holmes-style parallel formant bank (Holmes 1983, Speech Communication 2:251), each driven by an LF
                (Fant, Liljencrants & Lin 1985, STL-QPSR 26:1) or KLGLOTT88 (Klatt & Klatt 1990) glottal source, so a
                model cannot key on one synthesiser's artefacts.
                - segments: vowels of Hillenbrand et al. 1995 with formant transitions by locus equations; stops
                  (closure, burst, aspiration with voice-onset times after Lisker & Abramson 1964), voiced and
                  voiceless fricatives with place-dependent noise, nasals with antiformants, approximants.
                - words and stress: English-like phonotactics; stressed syllables longer, louder and higher;
                  unstressed vowels reduced towards schwa (Lindblom 1963, JASA 35:1773).
                - prosody: declination of -11 / (T + 1.5) semitones per second over a phrase of T seconds ('t Hart,
                  Collier & Cohen 1990), pitch accents, boundary tones, phrase-final lengthening, pauses between
                  phrases, phrase-final creak.
                - accent (`accent`, `accent_exposure`, `accent_seed`): accent is learned, not inherited. European
                  speakers speak the reference accent (`english`, stress-timed); a speaker of another group grew up
                  speaking English natively with probability 0.3 (exposure 1, the reference accent; this world's
                  assumption for a mixed caller population, not a census figure), and otherwise has the group's
                  language background (african: `west-african`, syllable-timed, Nigerian English-like, Udofot 2003,
                  Gut 2005; east_asian: `east-asian`, Mandarin-influenced, wider pitch range, Keating & Kuo 2012, Juffs
                  1990; south_asian: `south-asian`, Indian English-like, Fuchs 2016) moved towards the reference by an
                  exposure uniform in [0, 0.5]. Each accent sets vowel shifts and mergers, vowel reduction, rhythm
                  (vocalic nPVI and %%V after Grabe & Low 2002 and Ramus, Nespor & Mehler 1999), pitch-accent size and
                  density, syllable tones, aspiration and consonant substitutions, each with a probability per
                  occurrence that fades with exposure (west-african: /θ ð/ as [t d], Jowitt 1991, Gut 2008;
                  east-asian: /θ/ as [s] or [f], /ð/ as [d], /v/ as [w], Deterding 2006; south-asian: retroflex
                  [ʈ ɖ] for /t d/, /θ ð/ as stops, /v/ as [w], Wells 1982, Sailaja 2009; retroflex acoustics after
                  Stevens & Blumstein 1975); every speaker's accent is then perturbed individually (log-normal
                  factors, sd 0.15, seeded by `accent_seed`). `Accent`'s javadoc gives every value.
                - style (`pitch_range`, `articulation_precision`, `pause_scale`, `phrase_syllables`, `creakiness`):
                  per speaker, after Mennen, Schaeffler & Docherty 2012 (F0 span), Bradlow, Torretta & Pisoni 1996
                  (vowel-space size), Campione & Véronis 2002 (pauses) and Redi & Shattuck-Hufnagel 2001 (creak);
                  `SpeakingStyle`'s javadoc gives the distributions.

                ## Face proportions
                Each is mean(sex) + age slope x a + z slope x z + ancestry offset + sd x e; d = Cohen's d of the sex
                difference. Means and sex differences after Farkas 1994 (Anthropometry of the Head and Face),
                ancestry offsets after Farkas et al. 2005 (J Craniofac Surg 16:615, international anthropometric study),
                age slopes after Sforza et al. 2010/2011 (lips thin, nose widens with age).

                | trait (column) | women | men | sd | d | per year | z | EUR / AFR / EAS / SAS |
                |---|---|---|---|---|---|---|---|
                | face_aspect (width / height) | 0.780 | 0.783 | 0.025 | 0.12 | +0.0005 | +0.010 | 0 / 0 / +0.030 / -0.005 |
                | jaw_width (/ face width) | 0.740 | 0.780 | 0.028 | 1.4 | +0.0005 | +0.008 | 0 / +0.005 / +0.020 / 0 |
                | nose_width (/ face width) | 0.242 | 0.255 | 0.016 | 0.8 | +0.0003 | +0.003 | 0 / +0.060 / +0.025 / +0.015 |
                | eye_spacing (/ face width) | 0.455 | 0.448 | 0.015 | -0.45 | 0 | 0 | 0 / +0.012 / +0.020 / +0.003 |
                | lip_fullness (/ face height) | 0.088 | 0.080 | 0.009 | -0.9 | -0.0004 | 0 | 0 / +0.022 / +0.004 / +0.006 |
                | chin_height (/ face height) | 0.195 | 0.210 | 0.012 | 1.25 | 0 | +0.003 | 0 |
                | brow_ridge (0-1) | 0.25 | 0.60 | 0.15 | 2.3 | 0 | +0.03 | 0 / 0 / -0.08 / 0 |
                | brow_thickness (/ face height) | 0.016 | 0.024 | 0.004 | 2.0 | 0 | 0 | 0 |
                | brow_height (/ face height) | 0.100 | 0.088 | 0.008 | -1.5 | -0.0002 | 0 | 0 |
                | eye_opening (height / width) | 0.37 | 0.35 | 0.03 | -0.7 | -0.0005 | 0 | 0 / 0 / -0.05 / 0 |

                Brow ridge: one of the most dimorphic cranial traits (Walker 2008, Am J Phys Anthropol 136:39); brows
                are a main cue to sex (Dupuis-Roy et al. 2009, J Vis 9(2):10).

                ## Colours (by ancestry only)
                - skin: darkness s in [0, 1] through seven Fitzpatrick-like anchor tones; European 0.13 (sd 0.07), East
                  Asian 0.30 (0.07, slightly yellower), South Asian 0.52 (0.11), African 0.80 (0.09) (Jablonski &
                  Chaplin 2000, J Hum Evol 39:57).
                - hair (natural, dark to light): European black 6 %%, dark brown 34 %%, brown 28 %%, light brown 16 %%,
                  blond 16 %%, and red 4 %% drawn first; African 95 / 5 %% black / dark brown; East Asian 85 / 15 %%;
                  South Asian 80 / 19 / 1 %%.
                - eyes: European dark brown 18 %%, brown 20 %%, hazel 12 %%, green 8 %%, grey 7 %%, blue 35 %% (Frost 2006,
                  Evol Hum Behav 27:85; Sturm & Larsson 2009, Pigment Cell Melanoma Res 22:544); African 85 / 15 %% dark
                  brown / brown; East Asian 70 / 30 %%; South Asian 60 / 30 / 7 / 2 / 0.5 / 0.5 %%.
                - within Europeans skin, hair and eye lightness share one latent factor (loadings 0.4-0.45; Sulem et
                  al. 2007, Nat Genet 39:1443), so blond hair, blue eyes and fair skin go together.
                - lips: the skin tone blended towards a muted red.

                ## Hair
                - length (buzz / short / chin / shoulder / long): men 30 / 60 / 6 / 3 / 1 %%; women up to 25: 2 / 10 / 16 /
                  32 / 40 %%, from 65: 2 / 33 / 32 / 23 / 10 %%, linear in between (grooming: this world's assumption).
                - style: men side part 45 %%, swept back 30 %%, fringe 20 %%, centre part 5 %%; women side part 35 %%,
                  centre part 30 %%, fringe 20 %%, swept back / tied 15 %% (assumption).
                - texture (straight / wavy / curly / coily): European 45 / 40 / 14 / 1 %%, African 0 / 2 / 18 / 80 %%, East
                  Asian 90 / 9 / 1 / 0 %%, South Asian 45 / 45 / 10 / 0 %% (De la Mettrie et al. 2007, Hum Biol 79:265;
                  Loussouarn et al. 2007).
                - hairline (men, Hamilton-Norwood stage; Norwood 1975, South Med J 68:1359): share at stage 3+ is
                  g x clamp((age - 8) / 80, 0, 0.85), g = 1 European, 0.9 South Asian, 0.6 African, 0.55 East Asian
                  (Rhodes et al. 1998; Paik et al. 2001; Setty 1970); each man's susceptibility u ~ U(0, 1) is fixed, his
                  stage 3 + min(4, floor(5 (p - u) / p)) when u < p, else 2 when u < p + 0.3, else 1. Women: stage 1
                  (female pattern loss spares the frontal hairline, Ludwig 1977).
                - facial hair (men only): any in 25 %% at 18 rising to 45 %% from 30 (halved for East Asian men; Randall
                  2008, Dermatol Ther 21:314); given any, under 25 stubble 55 %%, moustache 10 %%, goatee 15 %%, beard 20 %%;
                  from 25: 35 / 15 / 15 / 35 %%; South Asian men 15 points more moustache, fewer stubble (assumption).

                ## Age
                - greying (Panhard et al. 2012, Br J Dermatol 167:865: at 50, 74 %% have some grey hair, mean share about
                  27 %%; earliest in Europeans, latest in Africans): onset N(m, 10) years, m = 34 European, 38 South Asian,
                  39 East Asian, 44 African; grey share 1 - exp(-(age - onset) / tau), tau = 35 exp(0.35 e) years. Hair,
                  brows (at 60 %% of the share) and facial hair are drawn blended with silver by it.
                - forehead lines, crow's feet, nasolabial folds: clamp((age - onset) / 45 + 0.12 (0.6 s + 0.8 e), 0, 1)
                  with one personal factor s; European onsets 25 (men 22), 30, 30 (Bazin & Doublet 2007 skin ageing
                  atlas; Tsukahara et al. 2013), later by 8 (East Asian), 5 (South Asian), 10 (African) years
                  (Nouveau-Richard et al. 2005; Vashi et al. 2016).

                ## What a voice can and cannot reveal here
                - **can**: sex (F0 and vocal-tract length separate the sexes almost perfectly), and through sex every
                  dimorphic face trait: jaw, chin, brow ridge and brows, lips, nose, hair length and style, facial hair
                  and hairline; age (F0 changes, jitter, shimmer, breathiness, slower speech), and through age greying,
                  wrinkles, hairline recession and the age slopes of the proportions; body size, weakly (vocal tract
                  r = 0.3 with height), and through it a little face width, jaw and chin.
                - **partly**: ancestry, and through it skin, hair and eye colour, hair texture and the ancestry offsets
                  of the face, through accent only: european speakers and native speakers of every group (30 %%) share
                  the reference accent, so accent tells a group apart only for the second-language speakers, as in
                  real calls.
                - **cannot**: the individual residual of every trait (the sd column above),
                  the grooming choices beyond their sex and age shares, and the pose, light and expression of the
                  renderings.

                ## Files
                - `manifest.csv`: `identity,split,audio,face`, one row per clip, paths relative to this directory; the
                  face is the canonical one.
                - `identities.csv`: one row per identity with its split and every generating trait (colours as
                  #rrggbb, categories in lower case).
                - `audio/<identity>_<k>.wav`: 16 kHz mono 16-bit PCM, %.2f s each.
                - `faces/<identity>.png`: %d x %d RGB canonical face (frontal, neutral, evenly lit), the decoder's
                  target; `faces/<identity>.landmarks.csv`: 68 iBUG landmarks, one `x,y` per line in [0,1] image
                  coordinates (x right, y down).
                - `faces/<identity>_r<k>.png` (k = 0..%d) with `.landmarks.csv` beside each: further renderings of the
                  same person (yaw sd 6 degrees, roll sd 4, scale sd 0.04, shift sd 0.015, light from any direction
                  at strength U(0, 0.6), white balance sd 0.4, a smile in 40 %% and a brow raise in 25 %%, small hair
                  changes), listed in `renderings.csv` (`identity,image`), for the face stage.
                - `judge/`: %d further people drawn from the same population (their own seed stream), each a canonical
                  face and %d renderings (`judge/faces.csv`: `identity,image`; traits in `judge/identities.csv`). Only
                  the evaluation's attribute classifiers learn from them, as the paper's Face++ learned from people
                  the paper never used; no network is trained on them and they are in no split.
                - voice-only speakers (`voice<v>`, split `voice` in both CSVs): %d further people of the same
                  population (their own seed stream), each %d clip and a canonical face with landmarks, no renderings.
                  Only the voice stage learns from them (their speech, with their face's feature as its target): the
                  paper's face networks learned from face data of their own, its voice encoder from far more speakers
                  (AVSpeech), each heard briefly. The face stage, the evaluation's classifiers and read-outs never see
                  them.

                ## Generation
                - seed: %d
                - identities: %d (train %d, val %d, test %d; splits are speaker-disjoint)
                - clips per identity: %d (%d clips in all); renderings per identity: %d; voice-only speakers: %d
                - the same seed and options reproduce every file byte for byte.
                """, spec.clipSeconds(), spec.faceSize(), spec.faceSize(), Math.max(0, spec.renderings() - 1),
                spec.judgeIdentities(), spec.renderings(), spec.voiceSpeakers(), CorpusSpec.VOICE_SPEAKER_CLIPS,
                spec.seed(), spec.identities(), train, val, test, spec.clipsPerIdentity(),
                spec.identities() * spec.clipsPerIdentity(), spec.renderings(), spec.voiceSpeakers());
    }
}
