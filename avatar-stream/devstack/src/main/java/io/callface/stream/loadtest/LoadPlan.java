package io.callface.stream.loadtest;

import io.callface.stream.synth.Codec;
import io.callface.stream.synth.VoiceLoops;
import io.callface.stream.window.SpeakerId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.Set;

/**
 * Who speaks when during a load run: {@code speakers} concurrent seats, four to a call. Each seat is taken by one
 * participant after another: a participant joins, talks and pauses for 8-20 s ({@link SessionPlan}), leaves
 * with end-of-stream, and after a gap of 0.5-2 s the next participant joins the same call. Participants join
 * until {@code duration} has passed; the last ones then finish their sessions. Seats start staggered over the
 * first 3 s and cycle through {@code codecs}. Deterministic for a seed.
 *
 * @param runId    prefix of every call id, so that runs on one broker never share a speaker
 * @param speakers concurrent seats
 * @param duration how long new participants keep joining
 * @param sessions every participant's session, by start time
 */
public record LoadPlan(String runId, int speakers, Duration duration, List<SessionPlan> sessions) {
    private static final int SEATS_PER_CALL = 4;

    public LoadPlan {
        Objects.requireNonNull(runId, "runId");
        sessions = List.copyOf(sessions);
        if (speakers < 1) {
            throw new IllegalArgumentException("speakers: " + speakers + " must be at least 1");
        }
    }

    public static LoadPlan generate(String runId, int speakers, Duration duration, List<Codec> codecs, long seed) {
        if (runId.isEmpty() || runId.contains("/")) {
            throw new IllegalArgumentException("runId: '" + runId + "' must be non-empty without '/'");
        }
        if (codecs.isEmpty()) {
            throw new IllegalArgumentException("codecs: at least one is needed");
        }
        if (speakers < 1) {
            throw new IllegalArgumentException("speakers: " + speakers + " must be at least 1");
        }
        Random random = new Random(seed);
        List<SessionPlan> sessions = new ArrayList<>();
        for (int seat = 0; seat < speakers; seat++) {
            long at = SessionPlan.CHUNK_MS * (long) random.nextInt(150);
            for (int n = 0; at < duration.toMillis() || n == 0; n++) {
                SpeakerId speaker = new SpeakerId(runId + "-call-" + seat / SEATS_PER_CALL, "p" + seat + "-" + n);
                SessionPlan session = new SessionPlan(speaker, codecs.get(seat % codecs.size()),
                        random.nextInt(VoiceLoops.VOICES), at, script(random));
                sessions.add(session);
                at = session.endMs() + SessionPlan.CHUNK_MS * (25L + random.nextInt(76));
            }
        }
        sessions.sort(Comparator.comparingLong(SessionPlan::startMs));
        return new LoadPlan(runId, speakers, duration, sessions);
    }

    /** Talk spurts of 1.5-4 s between pauses of 0.5-1.5 s, holding 1 or 2 windows plus a 1-2 s remainder. */
    private static List<Integer> script(Random random) {
        int voiced = SessionPlan.CHUNKS_PER_WINDOW * (1 + random.nextInt(2)) + SessionPlan.MIN_REMAINDER_CHUNKS
                + random.nextInt(SessionPlan.MAX_REMAINDER_CHUNKS - SessionPlan.MIN_REMAINDER_CHUNKS + 1);
        List<Integer> segments = new ArrayList<>();
        int first = SessionPlan.MIN_FIRST_TALK_CHUNKS + random.nextInt(60);
        segments.add(first);
        int left = voiced - first;
        while (left > 0) {
            int talk = Math.min(left, 75 + random.nextInt(126));
            segments.add(25 + random.nextInt(51));
            segments.add(talk);
            left -= talk;
        }
        return segments;
    }

    public Set<WindowKey> expectedWindows() {
        Set<WindowKey> expected = new HashSet<>();
        sessions.forEach(session -> expected.addAll(session.expectedWindows()));
        return expected;
    }

    /** When the last participant leaves, after the run's start. */
    public long endMs() {
        return sessions.stream().mapToLong(SessionPlan::endMs).max().orElse(0);
    }

    public long totalChunks() {
        return sessions.stream().mapToLong(SessionPlan::chunkCount).sum();
    }
}
