package io.callface.trainer.train;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** Seeded shuffling of sample indices into mini-batches, so a seed fixes the data order. */
final class MiniBatches {
    private MiniBatches() {
    }

    /**
     * Shuffles {@code 0..count-1} with {@code random} and cuts it into batches of {@code batchSize}; a
     * trailing batch of one sample joins the previous one (batch norm needs two samples to train).
     */
    static List<int[]> shuffled(int count, int batchSize, Random random) {
        List<Integer> order = IntStream.range(0, count).boxed().collect(Collectors.toCollection(ArrayList::new));
        Collections.shuffle(order, random);
        List<int[]> batches = new ArrayList<>();
        for (int start = 0; start < count; start += batchSize) {
            int end = Math.min(count, start + batchSize);
            if (end - start == 1 && !batches.isEmpty()) {
                int[] last = batches.remove(batches.size() - 1);
                int[] merged = java.util.Arrays.copyOf(last, last.length + 1);
                merged[last.length] = order.get(start);
                batches.add(merged);
            } else {
                batches.add(order.subList(start, end).stream().mapToInt(Integer::intValue).toArray());
            }
        }
        return batches;
    }

    /**
     * The random source of one epoch of one stage: a function of (seed, stage, epoch) only, so a run resumed
     * at any epoch sees the same data order and augmentation as an uninterrupted one.
     */
    static Random epochRandom(long seed, String stage, int epoch) {
        long z = seed * 0x9E3779B97F4A7C15L + stage.hashCode() * 0xBF58476D1CE4E5B9L + epoch;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return new Random(z ^ (z >>> 31));
    }

    /** Batches per epoch for {@code count} samples. */
    static int perEpoch(int count, int batchSize) {
        return shuffled(count, batchSize, new Random(0)).size();
    }
}
