package io.callface.trainer.train;

import io.callface.audio.CallChannels;
import io.callface.audio.SampleEncoding;
import io.callface.trainer.synth.CorpusClip;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Degrades training voices the way calls do, so the voice encoder learns faces from telephone, Opus and noisy speech
 * as well as from the corpus's clean 16 kHz (the voice-realism issue; Ko et al., "Audio augmentation for speech
 * recognition", Interspeech 2015, and the Kaldi/ESPnet recipes use the same families). With probability
 * {@code probability} a clip is augmented. First a channel, each a quarter of the time: G.711 mu-law or A-law
 * (8 kHz, telephone band), Opus (6-32 kbit/s, encoder complexity 0-3, 0-10 % packet loss), or none. Then, half of
 * the time, additive noise at 0-30 dB SNR: white, pink, mains hum, or babble of three other training voices.
 * Last, a level change of -20 to +6 dB with clipping at full scale. The codecs are the
 * stream processor's own ({@link CallChannels}). Every draw comes from (seed, epoch, clip), so a resumed run
 * augments exactly as an uninterrupted one. Reverberation is not modelled yet.
 */
final class VoiceAugmentation {
    static final double MIN_SNR_DB = 0;
    static final double MAX_SNR_DB = 30;
    static final double MIN_GAIN_DB = -20;
    static final double MAX_GAIN_DB = 6;
    static final int MIN_OPUS_BITRATE = 6_000;
    static final int MAX_OPUS_BITRATE = 32_000;
    static final double MAX_OPUS_LOSS = 0.10;
    /** Mobile clients' low encoder complexities; Concentus at 10 would cost about 0.2 s of CPU per 6 s clip. */
    static final int MAX_OPUS_COMPLEXITY = 3;
    static final int BABBLE_TALKERS = 3;

    private final double probability;
    private final long seed;
    private final List<CorpusClip> clips;

    /**
     * @param probability share of clips augmented, in [0, 1]; 0 turns augmentation off
     * @param clips       the training clips, also the babble's talkers
     */
    VoiceAugmentation(double probability, long seed, List<CorpusClip> clips) {
        if (!(probability >= 0 && probability <= 1)) {
            throw new IllegalArgumentException("augmentation probability must be in [0, 1], got " + probability);
        }
        this.probability = probability;
        this.seed = seed;
        this.clips = List.copyOf(clips);
    }

    /** Whether clip {@code index} is augmented in {@code epoch}. */
    boolean augments(int epoch, int index) {
        return probability > 0 && random(epoch, index).nextDouble() < probability;
    }

    /** Clip {@code index}'s clean 16 kHz samples as augmented in {@code epoch} (call only when {@link #augments}). */
    float[] apply(int epoch, int index, float[] clean16k) {
        SplittableRandom random = random(epoch, index);
        random.nextDouble(); // the draw augments() made
        float[] heard = channel(clean16k, random);
        if (heard.length == 0) {
            // A clip shorter than one packet, or one whose every packet was lost: the stream would hear nothing.
            heard = clean16k;
        }
        if (random.nextBoolean()) {
            double snr = MIN_SNR_DB + (MAX_SNR_DB - MIN_SNR_DB) * random.nextDouble();
            heard = CallChannels.withNoise(heard, noise(heard.length, index, random), snr);
        }
        return level(heard, MIN_GAIN_DB + (MAX_GAIN_DB - MIN_GAIN_DB) * random.nextDouble());
    }

    private static float[] channel(float[] clean16k, SplittableRandom random) {
        return switch (random.nextInt(4)) {
            case 0 -> CallChannels.telephone(clean16k, SampleEncoding.MULAW);
            case 1 -> CallChannels.telephone(clean16k, SampleEncoding.ALAW);
            case 2 -> CallChannels.opus(clean16k, random.nextInt(MIN_OPUS_BITRATE, MAX_OPUS_BITRATE + 1),
                    random.nextInt(MAX_OPUS_COMPLEXITY + 1), MAX_OPUS_LOSS * random.nextDouble(), random.nextLong());
            default -> clean16k;
        };
    }

    private float[] noise(int length, int index, SplittableRandom random) {
        return switch (random.nextInt(4)) {
            case 0 -> NoiseSignals.white(length, random);
            case 1 -> NoiseSignals.pink(length, random);
            case 2 -> NoiseSignals.hum(length, random);
            default -> babble(length, index, random);
        };
    }

    /** Three other training clips at equal power; white noise when there are no others. */
    private float[] babble(int length, int index, SplittableRandom random) {
        if (clips.size() < 2) {
            return NoiseSignals.white(length, random);
        }
        float[] crowd = new float[length];
        for (int t = 0; t < BABBLE_TALKERS; t++) {
            int other = random.nextInt(clips.size() - 1);
            float[] voice = WavFile.readMono16k(clips.get(other >= index ? other + 1 : other).audio());
            NoiseSignals.addAtUnitPower(crowd, voice);
        }
        return crowd;
    }

    private static float[] level(float[] samples, double gainDb) {
        float gain = (float) Math.pow(10, gainDb / 20);
        float[] out = new float[samples.length];
        for (int i = 0; i < samples.length; i++) {
            out[i] = Math.max(-1f, Math.min(1f, samples[i] * gain));
        }
        return out;
    }

    private SplittableRandom random(int epoch, int index) {
        long z = seed * 0x9E3779B97F4A7C15L + epoch * 0xBF58476D1CE4E5B9L + index * 0x94D049BB133111EBL;
        return new SplittableRandom(z);
    }
}
