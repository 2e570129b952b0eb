package io.callface.trainer.train;

import io.callface.audio.CallChannels;
import io.callface.audio.RoomAcoustics;
import io.callface.audio.RoomImpulseResponse;
import io.callface.audio.SampleEncoding;
import io.callface.trainer.synth.CorpusClip;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Degrades training voices the way calls do, so the voice encoder learns faces from reverberant, telephone, Opus
 * and noisy speech as well as from the corpus's clean 16 kHz (the voice-realism issue; Ko et al., "Audio augmentation for
 * speech recognition", Interspeech 2015, and "A study on data augmentation of reverberant speech for robust speech
 * recognition", ICASSP 2017, and the Kaldi/ESPnet recipes use the same families). With probability {@code probability} a clip is augmented, in the order a call hears it:
 * <ol>
 *   <li>the room, {@value #ROOM_SHARE} of the time: reverberation by a synthetic impulse response
 *   ({@link RoomImpulseResponse}) with T60 uniform in {@value #MIN_RT60_SECONDS}-{@value #MAX_RT60_SECONDS} s
 *   (furnished offices and living rooms) and a direct-to-reverberant ratio uniform in {@value #MIN_DRR_DB} to
 *   {@value #MAX_DRR_DB} dB (from a speakerphone across the room to a laptop at arm's length; a handset at the mouth
 *   is the dry share);</li>
 *   <li>the channel, each a quarter of the time: G.711 mu-law or A-law (8 kHz, telephone band), Opus (6-32 kbit/s,
 *   encoder complexity 0-3, 0-10 % packet loss), or none;</li>
 *   <li>half of the time, additive noise at 0-30 dB SNR: white, pink, mains hum, or babble of three other training
 *   voices;</li>
 *   <li>a level change of -20 to +6 dB with clipping at full scale.</li>
 * </ol>
 * The codecs are the stream processor's own ({@link CallChannels}). Every draw comes from (seed, epoch, clip)
 * ({@link #plan}), so a resumed run augments exactly as an uninterrupted one.
 */
final class VoiceAugmentation {
    static final double ROOM_SHARE = 0.5;
    static final double MIN_RT60_SECONDS = 0.2;
    static final double MAX_RT60_SECONDS = 0.8;
    static final double MIN_DRR_DB = -3;
    static final double MAX_DRR_DB = 12;
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

    /** A room: its acoustics and the seed of its impulse response. */
    record Room(RoomAcoustics acoustics, long seed) {
    }

    /** The call channel a clip is heard through. */
    sealed interface Channel {
        /** 16 kHz {@code samples} as the stream hears them through this channel. */
        float[] hear(float[] samples);

        record Clean() implements Channel {
            @Override
            public float[] hear(float[] samples) {
                return samples;
            }
        }

        record Telephone(SampleEncoding law) implements Channel {
            @Override
            public float[] hear(float[] samples) {
                return CallChannels.telephone(samples, law);
            }
        }

        record Opus(int bitrate, int complexity, double lossRate, long seed) implements Channel {
            @Override
            public float[] hear(float[] samples) {
                return CallChannels.opus(samples, bitrate, complexity, lossRate, seed);
            }
        }
    }

    enum NoiseKind { WHITE, PINK, HUM, BABBLE }

    /** Background noise mixed in at {@code snrDb}, drawn from {@code seed}. */
    record Noise(NoiseKind kind, double snrDb, long seed) {
    }

    /** Everything one augmented clip goes through, in order. */
    record Plan(Optional<Room> room, Channel channel, Optional<Noise> noise, double gainDb) {
    }

    /** Whether clip {@code index} is augmented in {@code epoch}. */
    boolean augments(int epoch, int index) {
        return probability > 0 && random(epoch, index).nextDouble() < probability;
    }

    /** What clip {@code index} goes through in {@code epoch} when it {@link #augments}. */
    Plan plan(int epoch, int index) {
        SplittableRandom random = random(epoch, index);
        random.nextDouble(); // the draw augments() made
        Optional<Room> room = Optional.empty();
        if (random.nextDouble() < ROOM_SHARE) {
            RoomAcoustics acoustics = new RoomAcoustics(uniform(random, MIN_RT60_SECONDS, MAX_RT60_SECONDS),
                    uniform(random, MIN_DRR_DB, MAX_DRR_DB));
            room = Optional.of(new Room(acoustics, random.nextLong()));
        }
        Channel channel = switch (random.nextInt(4)) {
            case 0 -> new Channel.Telephone(SampleEncoding.MULAW);
            case 1 -> new Channel.Telephone(SampleEncoding.ALAW);
            case 2 -> new Channel.Opus(random.nextInt(MIN_OPUS_BITRATE, MAX_OPUS_BITRATE + 1),
                    random.nextInt(MAX_OPUS_COMPLEXITY + 1), MAX_OPUS_LOSS * random.nextDouble(), random.nextLong());
            default -> new Channel.Clean();
        };
        Optional<Noise> noise = random.nextBoolean()
                ? Optional.of(new Noise(NoiseKind.values()[random.nextInt(NoiseKind.values().length)],
                        uniform(random, MIN_SNR_DB, MAX_SNR_DB), random.nextLong()))
                : Optional.empty();
        return new Plan(room, channel, noise, uniform(random, MIN_GAIN_DB, MAX_GAIN_DB));
    }

    /** Clip {@code index}'s clean 16 kHz samples as augmented in {@code epoch} (call only when {@link #augments}). */
    float[] apply(int epoch, int index, float[] clean16k) {
        return apply(plan(epoch, index), index, clean16k);
    }

    /** Clip {@code index}'s clean 16 kHz samples through {@code plan}. */
    float[] apply(Plan plan, int index, float[] clean16k) {
        float[] atMicrophone = plan.room()
                .map(room -> RoomImpulseResponse.reverberate(clean16k,
                        RoomImpulseResponse.generate(room.acoustics(), room.seed())))
                .orElse(clean16k);
        float[] heard = plan.channel().hear(atMicrophone);
        if (heard.length == 0) {
            // A clip shorter than one packet, or one whose every packet was lost: the stream would hear nothing.
            heard = atMicrophone;
        }
        if (plan.noise().isPresent()) {
            Noise noise = plan.noise().get();
            heard = CallChannels.withNoise(heard, noise(noise, heard.length, index), noise.snrDb());
        }
        return level(heard, plan.gainDb());
    }

    private float[] noise(Noise noise, int length, int index) {
        SplittableRandom random = new SplittableRandom(noise.seed());
        return switch (noise.kind()) {
            case WHITE -> NoiseSignals.white(length, random);
            case PINK -> NoiseSignals.pink(length, random);
            case HUM -> NoiseSignals.hum(length, random);
            case BABBLE -> babble(length, index, random);
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

    private static double uniform(SplittableRandom random, double min, double max) {
        return min + (max - min) * random.nextDouble();
    }

    private SplittableRandom random(int epoch, int index) {
        long z = seed * 0x9E3779B97F4A7C15L + epoch * 0xBF58476D1CE4E5B9L + index * 0x94D049BB133111EBL;
        return new SplittableRandom(z);
    }
}
