package io.callface.trainer.train;

import java.util.Arrays;

/**
 * One face-stage mini-batch as plain arrays, rows in batch order; {@link #rows} cuts out a device's shard.
 *
 * @param classes   each row's identity class
 * @param shown     the view of its identity each row shows the encoder (0 when it has only its canonical face)
 * @param views     the images the encoder sees, {@code [rows, 3, H, W]} flattened
 * @param canonical the canonical faces the decoder must draw, same layout
 * @param landmarks the canonical faces' landmarks, {@code [rows, 68, 2]} flattened
 * @param known     whether a row's landmarks are known (unknown ones add nothing to the loss)
 */
record FaceBatch(int[] classes, int[] shown, float[] views, float[] canonical, float[] landmarks, boolean[] known) {
    int size() {
        return classes.length;
    }

    /** Rows {@code from..to-1}. */
    FaceBatch rows(int from, int to) {
        if (from == 0 && to == size()) {
            return this; // the whole batch: one device, nothing to cut
        }
        int image = views.length / size();
        int marks = landmarks.length / size();
        return new FaceBatch(Arrays.copyOfRange(classes, from, to), Arrays.copyOfRange(shown, from, to),
                Arrays.copyOfRange(views, from * image, to * image),
                Arrays.copyOfRange(canonical, from * image, to * image),
                Arrays.copyOfRange(landmarks, from * marks, to * marks), Arrays.copyOfRange(known, from, to));
    }
}
