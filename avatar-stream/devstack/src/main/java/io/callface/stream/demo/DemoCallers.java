package io.callface.stream.demo;

import io.callface.audio.Audio;
import io.callface.audio.WavReader;
import io.callface.audio.synth.SpeakerVoice;
import io.callface.audio.synth.VoiceSynthesizer;
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
 * would.
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

    private DemoCallers() {
    }

    /**
     * @param round   distinguishes successive rounds of calls (call ids get it as a suffix)
     * @param seconds how long each synthetic participant speaks
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

    /** A synthetic speaker of the given sex and age (body size drawn from {@code random}) speaking {@code seconds}. */
    private static CallerAudio speaker(SpeakerId id, boolean male, double ageYears, double seconds, Random random) {
        VoiceTraits traits = SpeakerVoice.sample(male, ageYears, random.nextGaussian(), random);
        float[] samples = new VoiceSynthesizer().synthesize(traits, seconds, random.nextLong());
        return new CallerAudio(id, samples, VoiceSynthesizer.SAMPLE_RATE);
    }
}
