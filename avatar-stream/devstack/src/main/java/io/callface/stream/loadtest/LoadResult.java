package io.callface.stream.loadtest;

import java.util.List;

/**
 * What one load run measured.
 *
 * @param runId              the run's call-id prefix
 * @param speakers           concurrent seats
 * @param sessions           participants who joined and left
 * @param sendSeconds        wall-clock seconds from the first chunk to the last participant leaving
 * @param chunksSent         audio chunks published
 * @param sendFailures       chunks the producer could not deliver
 * @param expectedWindows    output records the scripts must produce
 * @param lostWindows        expected records never committed
 * @param duplicatedWindows  records committed more than once
 * @param unexpectedWindows  records committed that no script expects
 * @param examples           a few of the lost, duplicated or unexpected records, for diagnosis
 * @param latency            window end (last chunk captured) to the avatar being readable, ms
 * @param latencySecondHalf the same for the windows that ended in the second half of the run (the span the lag
 *                           criterion looks at), where start-up and JIT warm-up are over
 * @param latencyBySpan      the same per {@link LoadRun#LATENCY_SPAN_MS} of the run, by when the windows ended
 * @param inApp              the part of it inside the stream processor ({@code timings.endToEndMs}), ms
 * @param firstAvatar        a participant's first voiced audio to its first (provisional) avatar, ms
 * @param firstAvatarWithin  participants whose first avatar came within {@link LoadRun#FIRST_AVATAR_GOAL_MS}
 * @param sendLag            how late the generator sent each tick's chunks, ms
 * @param maxLag             largest consumer lag sampled, in chunks
 * @param lagP95SecondHalf   95th percentile of the lag over the second half of the run, in chunks
 * @param lagBound           lag that counts as keeping up: one second of every seat's audio
 * @param drainMs            from the last chunk sent to the last expected avatar (-1: never complete)
 * @param cpu                average cores this process used while sending, in all and per thread role
 * @param heapMaxMb          largest heap in use sampled
 * @param heapAfterGcMaxMb   largest heap left after a collection
 * @param rssMaxMb           largest resident set size (-1: unknown)
 * @param loadAverageStart   machine load average at the start
 * @param loadAverageEnd     machine load average at the end
 */
public record LoadResult(String runId, int speakers, int sessions, double sendSeconds, long chunksSent,
                         long sendFailures, int expectedWindows, int lostWindows, int duplicatedWindows,
                         int unexpectedWindows, List<String> examples, Percentiles latency, Percentiles latencySecondHalf,
                         List<Percentiles> latencyBySpan, Percentiles inApp, Percentiles firstAvatar,
                         long firstAvatarWithin, Percentiles sendLag, long maxLag, long lagP95SecondHalf,
                         long lagBound, long drainMs, CpuShares cpu, double heapMaxMb, double heapAfterGcMaxMb,
                         double rssMaxMb, String loadAverageStart, String loadAverageEnd) {
    public LoadResult {
        examples = List.copyOf(examples);
        latencyBySpan = List.copyOf(latencyBySpan);
    }

    /** Every window exactly once and nothing else. */
    public boolean exactlyOnce() {
        return lostWindows == 0 && duplicatedWindows == 0 && unexpectedWindows == 0;
    }

    /** The lag stayed under one second of audio through the second half of the run. */
    public boolean lagBounded() {
        return lagP95SecondHalf <= lagBound;
    }

    /** Kept up with every window delivered exactly once, and every chunk published. */
    public boolean sustained() {
        return exactlyOnce() && lagBounded() && sendFailures == 0 && drainMs >= 0;
    }
}
