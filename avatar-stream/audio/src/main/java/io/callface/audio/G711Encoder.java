package io.callface.audio;

import java.util.Arrays;
import java.util.function.IntUnaryOperator;

/**
 * Encodes 16-bit samples to G.711 by picking the code whose decoded value is nearest, using callface's own
 * decoding tables: what is encoded with it is exactly what the stream processor will hear. (callface only
 * receives G.711; the load generator and the start-up warm-up send it.)
 */
public final class G711Encoder {
    public static final G711Encoder MU_LAW = new G711Encoder(G711::muLawToLinear);
    public static final G711Encoder A_LAW = new G711Encoder(G711::aLawToLinear);

    private final short[] sortedValues = new short[256];
    private final byte[] codeOfSorted = new byte[256];

    private G711Encoder(IntUnaryOperator decode) {
        Integer[] codes = new Integer[256];
        for (int code = 0; code < 256; code++) {
            codes[code] = code;
        }
        Arrays.sort(codes, (a, b) -> Integer.compare(decode.applyAsInt(a), decode.applyAsInt(b)));
        for (int i = 0; i < 256; i++) {
            sortedValues[i] = (short) decode.applyAsInt(codes[i]);
            codeOfSorted[i] = (byte) (int) codes[i];
        }
    }

    public byte encode(short linear) {
        int at = Arrays.binarySearch(sortedValues, linear);
        if (at >= 0) {
            return codeOfSorted[at];
        }
        int above = -at - 1;
        if (above == 0) {
            return codeOfSorted[0];
        }
        if (above == sortedValues.length) {
            return codeOfSorted[sortedValues.length - 1];
        }
        return linear - sortedValues[above - 1] <= sortedValues[above] - linear ? codeOfSorted[above - 1] : codeOfSorted[above];
    }
}
