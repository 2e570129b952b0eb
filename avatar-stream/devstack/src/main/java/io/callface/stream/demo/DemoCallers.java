package io.callface.stream.demo;

import io.callface.audio.Audio;
import io.callface.audio.WavReader;
import io.callface.audio.synth.Accent;
import io.callface.audio.synth.SpeakerVoice;
import io.callface.audio.synth.SpeakingStyle;
import io.callface.audio.synth.SpeechSynthesizer;
import io.callface.audio.synth.SynthesisMethod;
import io.callface.audio.synth.VoiceTraits;
import io.callface.stream.window.SpeakerId;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The demo's participants: a cast of synthetic speakers of both sexes and a range of ages in two calls, plus one
 * call of the user's WAV files. Each cast member's voice is drawn from the synthetic world's voice model
 * ({@link SpeakerVoice}) for their sex and age, so the faces the model draws for them should differ as theirs
 * would. They speak the training corpus's speech ({@link SpeechSynthesizer}: words and phrases) in the reference
 * accent, each with an individual accent perturbation, one synthesis method and the style of a presenter: fluent,
 * with short pauses.
 *
 * <p>How much of a call the stream hears as voice is set, not left to the voice: each caller talks until the
 * stream's voice gate has passed {@link #VOICED_SHARE} of the call's 20 ms chunks, then mutes ({@code TalkTime}
 * shows how). So the integration tests' 12.5 s callers give the stream exactly 6.5 s of voice each: a provisional
 * avatar at 3 s, one full 6 s window, and too little left for another preview; the demo's 20 s callers give 10.4 s.
 */
public final class DemoCallers {
    /** Who speaks in the demo calls: call, name, sex and age. */
    public record CastMember(String call, String name, boolean male, double ageYears) {
    }

    public static final List<CastMember> CAST = List.of(
            new CastMember("standup", "ada", false, 34),
            new CastMember("standup", "grace", false, 67),
            new CastMember("standup", "linus", true, 27),
            new CastMember("support", "alan", true, 71),
            new CastMember("support", "barbara", false, 45));

    /** The seed of the demo's rounds of calls: the demo, {@code feed} and the integration tests hear the same cast. */
    public static final long SEED = 2019;

    /**
     * The share of each synthetic caller's chunks that the stream's voice gate passes. About half a call: every
     * caller's speech reaches it within the call without shortening its pauses unless the gate hears the voice
     * sparsely, and 12.5 s calls hold one full window and no second preview (6 to 9 s of voice).
     */
    public static final double VOICED_SHARE = 0.52;

    /** Pitch range, articulation, pauses, phrase length and creak of a fluent presenter. */
    static final SpeakingStyle PRESENTER = new SpeakingStyle(1.2, 1.05, 0.3, 16, 0.1);
    /** How much speech a caller's voice synthesises at a time. */
    static final double TURN_SECONDS = 30;

    private DemoCallers() {
    }

    /**
     * @param round   distinguishes successive rounds of calls (call ids get it as a suffix)
     * @param seconds how long each synthetic participant's call lasts, in whole 20 ms chunks (at least one); the
     *                stream's voice gate passes {@link #VOICED_SHARE} of them, rounded to a whole chunk
     */
    public static List<CallerAudio> round(int round, double seconds, List<Path> wavFiles, long seed) throws IOException {
        Random random = new Random(seed + round);
        List<CallerAudio> callers = new ArrayList<>();
        for (CastMember member : CAST) {
            callers.add(speaker(new SpeakerId(member.call() + "-" + round, member.name()), member.male(),
                    member.ageYears(), seconds, random));
        }
        for (int i = 0; i < wavFiles.size(); i++) {
            Audio audio = WavReader.read(wavFiles.get(i));
            callers.add(new CallerAudio(new SpeakerId("wav-" + round, "file-" + (i + 1)), audio.samples(), audio.sampleRate()));
        }
        return callers;
    }

    /**
     * A synthetic speaker of the given sex and age (body size drawn from {@code random}) on a call of
     * {@code seconds}, their voice heard for {@link #VOICED_SHARE} of it.
     */
    static CallerAudio speaker(SpeakerId id, boolean male, double ageYears, double seconds, Random random) {
        VoiceTraits traits = SpeakerVoice.sample(male, ageYears, random.nextGaussian(), random);
        Accent accent = Accent.ENGLISH.perturbed(random.nextLong(), 0.15);
        long seed = random.nextLong();
        SynthesisMethod method = SpeechSynthesizer.methodFor(seed);
        SpeechSynthesizer synthesizer = new SpeechSynthesizer();
        int chunks = Math.max(1, (int) Math.round(seconds * SpeechSynthesizer.SAMPLE_RATE / TalkTime.CHUNK_SAMPLES));
        float[] samples = TalkTime.fit(
                turn -> synthesizer.synthesize(traits, accent, PRESENTER, method, TURN_SECONDS, seed + turn),
                chunks, (int) Math.round(VOICED_SHARE * chunks), seed);
        return new CallerAudio(id, samples, SpeechSynthesizer.SAMPLE_RATE);
    }
}
