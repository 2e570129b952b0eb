package io.callface.audio;

import static org.assertj.core.api.Assertions.assertThat;

import io.callface.audio.VoicedWindows.Window;
import java.util.List;
import org.junit.jupiter.api.Test;

class VoicedWindowsTest {
    private static final int RATE = Spectrogram.SAMPLE_RATE;

    private static float[] voice(double seconds) {
        return VoiceActivityDetectorTest.vowel((int) (seconds * RATE), 0.1, 4);
    }

    private static float[] concat(float[]... parts) {
        int length = 0;
        for (float[] part : parts) {
            length += part.length;
        }
        float[] out = new float[length];
        int at = 0;
        for (float[] part : parts) {
            System.arraycopy(part, 0, out, at, part.length);
            at += part.length;
        }
        return out;
    }

    private static List<String> shape(List<Window> windows) {
        return windows.stream().map(w -> (w.provisional() ? "P" : "F") + Math.round(w.seconds())).toList();
    }

    @Test
    void aPreviewAtThreeSecondsThenFullWindowsThenALastWindowOfAtLeastThreeSeconds() {
        assertThat(shape(VoicedWindows.of(voice(16)))).containsExactly("P3", "F6", "F6", "P4");
        assertThat(shape(VoicedWindows.of(voice(14)))).as("2 s left over: no last window").containsExactly("P3", "F6", "F6");
        assertThat(shape(VoicedWindows.of(voice(5)))).as("the preview stands for the buffer").containsExactly("P3");
        assertThat(VoicedWindows.of(voice(2.5))).isEmpty();
    }

    @Test
    void silenceNeverFillsAWindow() {
        float[] call = concat(voice(4), new float[4 * RATE], voice(4), new float[RATE]);

        List<Window> windows = VoicedWindows.of(call);

        assertThat(shape(windows)).containsExactly("P3", "F6");
        for (float[] audio : windows.stream().map(Window::audio).toList()) {
            int silent = 0;
            for (int i = 0; i + VoicedWindows.CHUNK_SAMPLES <= audio.length; i += VoicedWindows.CHUNK_SAMPLES) {
                double energy = 0;
                for (int j = i; j < i + VoicedWindows.CHUNK_SAMPLES; j++) {
                    energy += audio[j] * audio[j];
                }
                silent += energy == 0 ? 1 : 0;
            }
            assertThat(silent).isZero();
        }
    }
}
