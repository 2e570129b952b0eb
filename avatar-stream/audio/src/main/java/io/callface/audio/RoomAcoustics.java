package io.callface.audio;

/**
 * The two figures that describe how a room colours a voice at a microphone, as {@link RoomImpulseResponse} models it.
 *
 * @param rt60Seconds           reverberation time: seconds for the reverberant energy to fall by 60 dB (Sabine's
 *                              definition), in [{@value #MIN_RT60_SECONDS}, {@value #MAX_RT60_SECONDS}]
 * @param directToReverberantDb direct-to-reverberant ratio: energy of the direct path over the energy of everything
 *                              after it, in dB, in [{@value #MIN_DRR_DB}, {@value #MAX_DRR_DB}]; high for a
 *                              talker close to the microphone, around 0 dB and below for a speakerphone across a room
 */
public record RoomAcoustics(double rt60Seconds, double directToReverberantDb) {
    public static final double MIN_RT60_SECONDS = 0.05;
    public static final double MAX_RT60_SECONDS = 3;
    public static final double MIN_DRR_DB = -20;
    public static final double MAX_DRR_DB = 40;

    public RoomAcoustics {
        if (!(rt60Seconds >= MIN_RT60_SECONDS && rt60Seconds <= MAX_RT60_SECONDS)) {
            throw new IllegalArgumentException("rt60Seconds must be in [" + MIN_RT60_SECONDS + ", " + MAX_RT60_SECONDS
                    + "], got " + rt60Seconds);
        }
        if (!(directToReverberantDb >= MIN_DRR_DB && directToReverberantDb <= MAX_DRR_DB)) {
            throw new IllegalArgumentException("directToReverberantDb must be in [" + MIN_DRR_DB + ", " + MAX_DRR_DB
                    + "], got " + directToReverberantDb);
        }
    }
}
