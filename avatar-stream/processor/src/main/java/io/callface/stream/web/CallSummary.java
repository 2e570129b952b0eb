package io.callface.stream.web;

import java.util.Collection;

/**
 * One call in {@code GET /api/calls}.
 *
 * @param participants participants with an avatar
 * @param active       those whose audio has not ended
 * @param lastWindowEnd capture time (epoch ms) of the call's most recent window
 */
public record CallSummary(String callId, int participants, int active, long lastWindowEnd) {
    public CallSummary {
        if (callId == null || callId.isEmpty()) {
            throw new IllegalArgumentException("callId: must not be empty");
        }
    }

    /** The summary of a call from its participants' avatars (not empty). */
    static CallSummary of(String callId, Collection<AvatarView> avatars) {
        return new CallSummary(callId, avatars.size(), (int) avatars.stream().filter(a -> !a.endOfStream()).count(),
                avatars.stream().mapToLong(AvatarView::windowEnd).max().orElse(0));
    }
}
