package io.callface.stream.demo;

import io.callface.stream.audio.Audio;
import io.callface.stream.audio.WavReader;
import io.callface.stream.synth.VoiceSynthesizer;
import io.callface.stream.synth.VoiceTraits;
import io.callface.stream.window.SpeakerId;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** The demo's participants: synthetic voices in two calls, plus one call of the user's WAV files. */
public final class DemoCallers {
    private static final String[][] CALLS = {{"standup", "ada", "grace", "linus"}, {"support", "alan", "barbara"}};

    private DemoCallers() {
    }

    /**
     * @param round   distinguishes successive rounds of calls (call ids get it as a suffix)
     * @param seconds how long each synthetic participant speaks
     */
    public static List<CallerAudio> round(int round, double seconds, List<Path> wavFiles, long seed) throws IOException {
        Random random = new Random(seed + round);
        VoiceSynthesizer synthesizer = new VoiceSynthesizer();
        List<CallerAudio> callers = new ArrayList<>();
        for (String[] call : CALLS) {
            for (int i = 1; i < call.length; i++) {
                VoiceTraits traits = VoiceTraits.random(random);
                float[] samples = synthesizer.synthesize(traits, seconds, random.nextLong());
                callers.add(new CallerAudio(new SpeakerId(call[0] + "-" + round, call[i]), samples,
                        VoiceSynthesizer.SAMPLE_RATE));
            }
        }
        for (int i = 0; i < wavFiles.size(); i++) {
            Audio audio = WavReader.read(wavFiles.get(i));
            callers.add(new CallerAudio(new SpeakerId("wav-" + round, "file-" + (i + 1)), audio.samples(), audio.sampleRate()));
        }
        return callers;
    }
}
