package io.callface.stream.web;

import java.util.Comparator;
import java.util.List;

/** {@code GET /api/calls/{callId}}: the current avatars of a call's participants, by participant id. */
public record CallAvatars(String callId, List<AvatarView> participants) {
    public CallAvatars {
        if (callId == null || callId.isEmpty()) {
            throw new IllegalArgumentException("callId: must not be empty");
        }
        participants = participants.stream().sorted(Comparator.comparing(AvatarView::participantId)).toList();
    }
}
