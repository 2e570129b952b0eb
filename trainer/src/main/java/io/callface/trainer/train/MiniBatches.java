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

    /** Batches per epoch for {@code count} samples. */
    static int perEpoch(int count, int batchSize) {
        return shuffled(count, batchSize, new Random(0)).size();
    }
}
