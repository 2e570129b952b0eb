package io.callface.model.features;

import java.util.Arrays;

/**
 * Test fixture: a 40 x 40 face whose regions are pixel-aligned rectangles, painted with known colours.
 * Landmark coordinates are multiples of 1/40, so region edges fall between pixel centres.
 *
 * <ul>
 *   <li>hair: rows 0..9 (brows flat at y = 10 px, jaw points 0/16 at x = 4 / 36 px)</li>
 *   <li>eyes: x 8..16 and 24..32, y 12..16 px</li>
 *   <li>lips: x 14..26, y 28..32 px</li>
 *   <li>skin: everything else (the cheeks lie at y 18..26 px)</li>
 * </ul>
 */
final class SyntheticFace {
    static final int SIZE = 40;
    static final int[] SKIN = {200, 150, 120};
    static final int[] HAIR = {40, 30, 20};
    static final int[] LIPS = {180, 40, 60};
    static final int[] LEFT_EYE = {20, 60, 160};
    static final int[] RIGHT_EYE = {20, 160, 60};

    private SyntheticFace() {
    }

    static float[] landmarks() {
        float[] l = new float[136];
        Arrays.fill(l, 0.5f);
        px(l, 0, 4, 14);
        px(l, 1, 4, 18);
        px(l, 2, 5, 22);
        px(l, 3, 6, 26);
        px(l, 13, 34, 26);
        px(l, 14, 35, 22);
        px(l, 15, 36, 18);
        px(l, 16, 36, 14);
        for (int i = 0; i < 5; i++) {
            px(l, 17 + i, 6 + 3 * i, 10);
            px(l, 22 + i, 22 + 3 * i, 10);
        }
        px(l, 31, 16, 22);
        px(l, 35, 24, 22);
        eye(l, 36, 8);
        eye(l, 42, 24);
        int[][] lips = {{14, 28}, {16, 28}, {18, 28}, {20, 28}, {22, 28}, {24, 28}, {26, 28},
                {26, 32}, {22, 32}, {20, 32}, {18, 32}, {14, 32}};
        for (int i = 0; i < lips.length; i++) {
            px(l, 48 + i, lips[i][0], lips[i][1]);
        }
        return l;
    }

    /** Six points tracing the rectangle x .. x+8, y 12..16. */
    private static void eye(float[] l, int first, int x) {
        px(l, first, x, 12);
        px(l, first + 1, x + 4, 12);
        px(l, first + 2, x + 8, 12);
        px(l, first + 3, x + 8, 16);
        px(l, first + 4, x + 4, 16);
        px(l, first + 5, x, 16);
    }

    private static void px(float[] l, int point, int x, int y) {
        l[2 * point] = x / (float) SIZE;
        l[2 * point + 1] = y / (float) SIZE;
    }

    static float[] image() {
        float[] chw = new float[3 * SIZE * SIZE];
        for (int row = 0; row < SIZE; row++) {
            for (int col = 0; col < SIZE; col++) {
                paint(chw, row, col, colourAt(row, col));
            }
        }
        return chw;
    }

    private static int[] colourAt(int row, int col) {
        if (row < 10) {
            return HAIR;
        }
        if (row >= 12 && row < 16 && col >= 8 && col < 16) {
            return LEFT_EYE;
        }
        if (row >= 12 && row < 16 && col >= 24 && col < 32) {
            return RIGHT_EYE;
        }
        if (row >= 28 && row < 32 && col >= 14 && col < 26) {
            return LIPS;
        }
        return SKIN;
    }

    static void paint(float[] chw, int row, int col, int[] rgb) {
        for (int c = 0; c < 3; c++) {
            chw[(c * SIZE + row) * SIZE + col] = rgb[c] / 255f;
        }
    }

    static String hex(int[] rgb) {
        return String.format("#%02x%02x%02x", rgb[0], rgb[1], rgb[2]);
    }
}
