package io.callface.trainer.synth;

/**
 * Scalp hair of a synthetic identity.
 *
 * @param length  how far it falls
 * @param style   how it is worn over the forehead
 * @param texture straight to coily
 * @param norwood hairline recession on the Hamilton-Norwood scale (Norwood 1975, South Med J 68:1359),
 *                {@value #MIN_NORWOOD} (none) to {@value #MAX_NORWOOD} (only a band at the sides and back); stages
 *                3 and up are clinically bald; stages 6-7 leave the top of the head bare
 */
public record Hair(HairLength length, HairStyle style, HairTexture texture, int norwood) {
    public static final int MIN_NORWOOD = 1;
    public static final int MAX_NORWOOD = 7;

    public Hair {
        if (length == null || style == null || texture == null) {
            throw new IllegalArgumentException("length, style, texture: must not be null");
        }
        if (norwood < MIN_NORWOOD || norwood > MAX_NORWOOD) {
            throw new IllegalArgumentException("norwood: " + norwood + " is outside [" + MIN_NORWOOD + ", "
                    + MAX_NORWOOD + "]");
        }
    }
}
