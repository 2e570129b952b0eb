package io.callface.trainer.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.callface.audio.RoomAcoustics;
import io.callface.audio.SampleEncoding;
import io.callface.trainer.synth.CorpusClip;
import io.callface.trainer.synth.CorpusManifest;
import io.callface.trainer.synth.Split;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VoiceAugmentationTest {
    @TempDir
    static Path tmp;
    private static List<CorpusClip> clips;

    @BeforeAll
    static void corpus() throws java.io.IOException {
        clips = CorpusManifest.read(TestCorpus.write(tmp.resolve("corpus"), 6, 1, 1, 5)).clips(Split.TRAIN);
    }

    @Test
    void augmentsTheRequestedShareOfClipsAsSeeded() {
        VoiceAugmentation half = new VoiceAugmentation(0.5, 42, clips);

        long augmented = IntStream.range(0, 2000).filter(i -> half.augments(1, i)).count();

        assertThat(augmented).isBetween(900L, 1100L);
        assertThat(IntStream.range(0, 50).filter(i -> half.augments(1, i)).toArray())
                .as("same seed, epoch and clip: same draw")
                .containsExactly(IntStream.range(0, 50).filter(i -> new VoiceAugmentation(0.5, 42, clips).augments(1, i)).toArray())
                .isNotEqualTo(IntStream.range(0, 50).filter(i -> half.augments(2, i)).toArray());
        assertThat(IntStream.range(0, 100).noneMatch(i -> new VoiceAugmentation(0, 42, clips).augments(1, i))).isTrue();
        assertThat(IntStream.range(0, 100).allMatch(i -> new VoiceAugmentation(1, 42, clips).augments(1, i))).isTrue();
        assertThatThrownBy(() -> new VoiceAugmentation(1.5, 42, clips)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anAugmentedClipIsADifferentSignalAtFullScaleAtMostAndReproducible() {
        VoiceAugmentation always = new VoiceAugmentation(1, 42, clips);
        float[] clean = WavFile.readMono16k(clips.get(0).audio());
        int changed = 0;

        for (int epoch = 1; epoch <= 12; epoch++) {
            float[] heard = always.apply(epoch, 0, clean);
            assertThat(heard).as("reproducible").containsExactly(always.apply(epoch, 0, clean));
            for (float s : heard) {
                assertThat(Math.abs(s)).isLessThanOrEqualTo(1f);
            }
            changed += Arrays.equals(heard, clean) ? 0 : 1;
            // Opus with loss shortens a clip by its lost packets; the other channels keep its length to 10 ms.
            assertThat(heard.length).isBetween((int) (0.85 * clean.length), clean.length + 160);
        }
        assertThat(changed).isEqualTo(12);
    }

    @Test
    void aClipShorterThanOnePacketStaysTrainable() {
        VoiceAugmentation always = new VoiceAugmentation(1, 42, clips);
        float[] tenMilliseconds = new float[160];
        java.util.Arrays.fill(tenMilliseconds, 0.1f);

        for (int epoch = 1; epoch <= 20; epoch++) {
            assertThat(always.apply(epoch, 0, tenMilliseconds)).as("epoch %d", epoch).isNotEmpty();
        }
    }

    @Test
    void halfOfTheAugmentedClipsAreHeardInARoomDrawnInItsRanges() {
        VoiceAugmentation always = new VoiceAugmentation(1, 42, clips);

        List<VoiceAugmentation.Plan> plans = IntStream.range(0, 2000).mapToObj(i -> always.plan(3, i)).toList();

        assertThat(plans.stream().filter(p -> p.room().isPresent()).count()).isBetween(900L, 1100L);
        plans.stream().flatMap(p -> p.room().stream()).map(VoiceAugmentation.Room::acoustics).forEach(room -> {
            assertThat(room.rt60Seconds()).isBetween(VoiceAugmentation.MIN_RT60_SECONDS, VoiceAugmentation.MAX_RT60_SECONDS);
            assertThat(room.directToReverberantDb()).isBetween(VoiceAugmentation.MIN_DRR_DB, VoiceAugmentation.MAX_DRR_DB);
        });
        assertThat(always.plan(3, 17)).as("same seed, epoch and clip: same plan").isEqualTo(new VoiceAugmentation(1, 42, clips).plan(3, 17));
        float[] clean = WavFile.readMono16k(clips.get(0).audio());
        assertThat(always.apply(3, 0, clean)).containsExactly(always.apply(always.plan(3, 0), 0, clean));
    }

    @Test
    void aRoomLeavesAnExponentiallyDecayingTailAfterABurstAndADryPlanLeavesSilence() {
        VoiceAugmentation always = new VoiceAugmentation(1, 42, clips);
        double rt60 = 0.5;
        int burst = 4_800;
        float[] clean = new float[16_000];
        SplittableRandom random = new SplittableRandom(5);
        for (int i = 0; i < burst; i++) {
            clean[i] = (float) (0.2 * (2 * random.nextDouble() - 1));
        }
        VoiceAugmentation.Room room = new VoiceAugmentation.Room(new RoomAcoustics(rt60, 3), 9);
        VoiceAugmentation.Channel clean16k = new VoiceAugmentation.Channel.Clean();

        float[] dry = always.apply(new VoiceAugmentation.Plan(Optional.empty(), clean16k, Optional.empty(), 0), 0, clean);
        float[] wet = always.apply(new VoiceAugmentation.Plan(Optional.of(room), clean16k, Optional.empty(), 0), 0, clean);
        float[] wetTelephone = always.apply(new VoiceAugmentation.Plan(Optional.of(room),
                new VoiceAugmentation.Channel.Telephone(SampleEncoding.MULAW), Optional.empty(), 0), 0, clean);

        assertThat(energyDb(dry, burst + 800, burst + 1600)).as("no room: silence after the burst").isEqualTo(Double.NEGATIVE_INFINITY);
        // Energy in 50 ms windows from 50 to 250 ms after the burst falls on a line of -60 dB per T60.
        double[] t = {0.05, 0.10, 0.15, 0.20};
        double[] db = new double[t.length];
        for (int w = 0; w < t.length; w++) {
            int from = burst + (int) (t[w] * 16_000);
            db[w] = energyDb(wet, from, from + 800);
            assertThat(energyDb(wetTelephone, from, from + 800)).as("through G.711 too").isGreaterThan(-80);
        }
        double slope = (db[3] - db[0]) / (t[3] - t[0]);
        assertThat(slope).as("dB per second").isCloseTo(-60 / rt60, within(0.25 * 60 / rt60));
    }

    private static double energyDb(float[] samples, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += (double) samples[i] * samples[i];
        }
        return 10 * Math.log10(sum / (to - from));
    }
}
