package io.callface.stream.testing;

import io.callface.stream.window.WindowEvents;
import java.util.EnumMap;
import java.util.Map;

/** Counts what the windowing stage reports, for assertions. */
public final class RecordingWindowEvents implements WindowEvents {
    public int chunksIn;
    public long lost;
    public int provisional;
    public int full;
    public int failed;
    public int activeSpeakers;
    public final Map<Drop, Integer> dropped = new EnumMap<>(Drop.class);

    @Override
    public void chunkIn() {
        chunksIn++;
    }

    @Override
    public void chunkDropped(Drop reason) {
        dropped.merge(reason, 1, Integer::sum);
    }

    @Override
    public void chunksLost(long count) {
        lost += count;
    }

    @Override
    public void windowEmitted(boolean isProvisional) {
        if (isProvisional) {
            provisional++;
        } else {
            full++;
        }
    }

    @Override
    public void windowFailed() {
        failed++;
    }

    @Override
    public void speakerStarted() {
        activeSpeakers++;
    }

    @Override
    public void speakerEnded() {
        activeSpeakers--;
    }

    public int dropped(Drop reason) {
        return dropped.getOrDefault(reason, 0);
    }
}
