package io.callface.stream.window;

import io.callface.avro.AudioChunk;

/** One speaker: a participant of a call. Its key form {@code callId/participantId} keys every topic. */
public record SpeakerId(String callId, String participantId) {
    public SpeakerId {
        requireValid("callId", callId);
        requireValid("participantId", participantId);
    }

    public static SpeakerId of(AudioChunk chunk) {
        return new SpeakerId(chunk.getCallId(), chunk.getParticipantId());
    }

    /** The speaker of a {@code callId/participantId} key. */
    public static SpeakerId parse(String key) {
        int slash = key.indexOf('/');
        if (slash < 0) {
            throw new InvalidChunkException("key: '" + key + "' is not callId/participantId");
        }
        return new SpeakerId(key.substring(0, slash), key.substring(slash + 1));
    }

    public String key() {
        return callId + "/" + participantId;
    }

    private static void requireValid(String field, String value) {
        if (value == null || value.isEmpty()) {
            throw new InvalidChunkException(field + ": must not be empty");
        }
        if (value.indexOf('/') >= 0 || value.indexOf('\u0000') >= 0) {
            throw new InvalidChunkException(field + ": '" + value + "' must not contain '/' or U+0000");
        }
    }
}
