package io.callface.trainer.eval;

import io.callface.audio.CallChannels;
import io.callface.audio.RoomAcoustics;
import io.callface.audio.RoomImpulseResponse;
import io.callface.audio.SampleEncoding;

/**
 * The channels a test voice is heard through in the per-condition evaluation, as the voice-realism issue names
 * them. Each runs the stream processor's own codecs and front end ({@link CallChannels}).
 */
public enum CallCondition {
    /** The corpus's own 16 kHz audio. */
    CLEAN_16K("clean 16 kHz", "clean"),
    /** A telephone call: 300-3400 Hz, 8 kHz, G.711 mu-law. */
    G711_8K("G.711 mu-law 8 kHz", "g711_8k"),
    /** A WebRTC call at a low bit rate: Opus 16 kbit/s, 5 % of the 20 ms packets lost (and skipped, as the stream does). */
    OPUS_16K_LOSS_5("Opus 16 kbit/s, 5 % loss", "opus_16k_loss5"),
    /** Other talkers behind the caller: babble of training voices at 10 dB SNR. */
    BABBLE_10DB("babble noise, 10 dB SNR", "babble_10db"),
    /** A speakerphone across a meeting-room table: reverberation time 0.6 s, direct-to-reverberant ratio 0 dB. */
    ROOM_T60_06("meeting room, T60 0.6 s, DRR 0 dB", "room_t60_06");

    static final int OPUS_BITRATE = 16_000;
    static final double OPUS_LOSS = 0.05;
    static final double BABBLE_SNR_DB = 10;
    static final RoomAcoustics MEETING_ROOM = new RoomAcoustics(0.6, 0);

    private final String label;
    private final String key;

    CallCondition(String label, String key) {
        this.label = label;
        this.key = key;
    }

    /** How the report names it. */
    public String label() {
        return label;
    }

    /** The suffix of its metrics in {@code model.json}, e.g. {@code g711_8k}. */
    public String key() {
        return key;
    }

    /**
     * {@code clean16k} as the stream would hear it through this channel; {@code seed} fixes the packet losses and
     * the room's impulse response.
     */
    float[] apply(float[] clean16k, float[] babble, long seed) {
        return switch (this) {
            case CLEAN_16K -> clean16k;
            case G711_8K -> CallChannels.telephone(clean16k, SampleEncoding.MULAW);
            case OPUS_16K_LOSS_5 -> CallChannels.opus(clean16k, OPUS_BITRATE, CallChannels.OPUS_DEFAULT_COMPLEXITY, OPUS_LOSS, seed);
            case BABBLE_10DB -> CallChannels.withNoise(clean16k, babble, BABBLE_SNR_DB);
            case ROOM_T60_06 -> RoomImpulseResponse.reverberate(clean16k, RoomImpulseResponse.generate(MEETING_ROOM, seed));
        };
    }
}
