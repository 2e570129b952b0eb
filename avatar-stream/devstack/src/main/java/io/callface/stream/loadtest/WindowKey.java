package io.callface.stream.loadtest;

import io.callface.avro.AvatarEvent;
import java.util.Objects;

/**
 * One output record's identity: at most one of each may ever be committed to the avatar topic.
 *
 * @param speaker     {@code callId/participantId}
 * @param index       window index
 * @param provisional a provisional (preview) window
 * @param endOfStream the speaker's last event
 */
public record WindowKey(String speaker, long index, boolean provisional, boolean endOfStream) {
    public WindowKey {
        Objects.requireNonNull(speaker, "speaker");
        if (index < 0) {
            throw new IllegalArgumentException("index: " + index + " is negative");
        }
    }

    public static WindowKey of(AvatarEvent event) {
        return new WindowKey(event.getCallId() + "/" + event.getParticipantId(), event.getWindowIndex(),
                event.getProvisional(), event.getEndOfStream());
    }
}
