package io.callface.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The optional attribute head of a model directory, part of the ONNX model contract (public; see README): the
 * speech2cartoon attributes the trainer fits on the face feature and the stream processor publishes in every
 * {@code AvatarEvent}.
 *
 * <ul>
 *   <li>{@value #ATTRIBUTES_FILE}, opset {@value ModelContract#OPSET}: input {@value ModelContract#FACE_FEATURE}
 *       float32 {@code [N, D]} (the decoder's input name and D), outputs all float32 {@code [N, width]} with the
 *       widths of {@link #OUTPUT_WIDTHS}.</li>
 *   <li>The file is optional. When present it is listed with its SHA-256 in {@code model.json}'s {@code sha256} map
 *       under {@value #ATTRIBUTES_FILE}; a directory without it stays valid and its events carry no attributes.</li>
 *   <li>Class probabilities are in the order of the enums below ({@link HairLength}, {@link FaceShape}).</li>
 * </ul>
 *
 * <p>No output names ancestry or ethnicity: the heads describe what a cartoon draws, and a group of people is
 * neither drawable nor ours to infer. Skin tone is a colour measure (ITA), not a group.
 */
public final class AttributeContract {
    public static final String ATTRIBUTES_FILE = "attributes.onnx";

    /** Perceived sex as P(male), calibrated; width 1. */
    public static final String MALE_PROBABILITY = "male_probability";
    /** Perceived age in years; width 1. */
    public static final String AGE_YEARS = "age_years";
    /** Uncertainty of {@value #AGE_YEARS}, one standard deviation in years; width 1. */
    public static final String AGE_SD_YEARS = "age_sd_years";
    /** Share of grey hair in [0, 1]; width 1. */
    public static final String GREY_SHARE = "grey_share";
    /** Probabilities of the {@link HairLength} classes, in their order; width 5. */
    public static final String HAIR_LENGTH = "hair_length";
    /** Probability of visible facial hair; width 1. */
    public static final String FACIAL_HAIR_PROBABILITY = "facial_hair_probability";
    /** Skin tone as the individual typology angle in degrees ({@link SkinToneCategory}); width 1. */
    public static final String SKIN_ITA = "skin_ita";
    /** Probabilities of the {@link FaceShape} classes, in their order; width 4. */
    public static final String FACE_SHAPE = "face_shape";

    /** Every output of {@value #ATTRIBUTES_FILE} and its width (the second dimension), in contract order. */
    public static final Map<String, Integer> OUTPUT_WIDTHS = outputWidths();

    /** How far the hair reaches, seen from the front; the order of {@value #HAIR_LENGTH}'s probabilities. */
    public enum HairLength {
        /** Clipped close to the scalp. */
        BUZZ,
        /** Ears and neck free. */
        SHORT,
        /** Falls beside the face to about the jaw. */
        CHIN,
        /** Falls to the shoulders. */
        SHOULDER,
        /** Falls past the shoulders. */
        LONG
    }

    /** The face-shape classes an avatar kit draws; the order of {@value #FACE_SHAPE}'s probabilities. */
    public enum FaceShape {
        LONG, SQUARE, ROUND, OVAL
    }

    /**
     * Skin tone classes on the individual typology angle (ITA) scale, light to dark, after Chardon, Cretois &amp;
     * Hourseau (1991, Int J Cosmet Sci 13:191): {@code ITA = atan2(L* - 50, b*)} in degrees, higher is lighter.
     * A class holds the angles strictly above its lower bound and up to the next lighter class's bound.
     */
    public enum SkinToneCategory {
        /** ITA &gt; 55. */
        VERY_LIGHT(55),
        /** 41 &lt; ITA &lt;= 55. */
        LIGHT(41),
        /** 28 &lt; ITA &lt;= 41. */
        INTERMEDIATE(28),
        /** 10 &lt; ITA &lt;= 28. */
        TAN(10),
        /** -30 &lt; ITA &lt;= 10. */
        BROWN(-30),
        /** ITA &lt;= -30. */
        DARK(Double.NEGATIVE_INFINITY);

        private final double lowerBoundDegrees;

        SkinToneCategory(double lowerBoundDegrees) {
            this.lowerBoundDegrees = lowerBoundDegrees;
        }

        /** The exclusive lower bound in degrees ({@code -Infinity} for {@link #DARK}). */
        public double lowerBoundDegrees() {
            return lowerBoundDegrees;
        }

        /**
         * The class of an ITA in degrees.
         *
         * @throws IllegalArgumentException when {@code itaDegrees} is NaN
         */
        public static SkinToneCategory of(double itaDegrees) {
            if (Double.isNaN(itaDegrees)) {
                throw new IllegalArgumentException("ITA must be a number, got NaN");
            }
            for (SkinToneCategory category : values()) {
                if (itaDegrees > category.lowerBoundDegrees) {
                    return category;
                }
            }
            return DARK;
        }
    }

    private AttributeContract() {
    }

    private static Map<String, Integer> outputWidths() {
        Map<String, Integer> widths = new LinkedHashMap<>();
        widths.put(MALE_PROBABILITY, 1);
        widths.put(AGE_YEARS, 1);
        widths.put(AGE_SD_YEARS, 1);
        widths.put(GREY_SHARE, 1);
        widths.put(HAIR_LENGTH, HairLength.values().length);
        widths.put(FACIAL_HAIR_PROBABILITY, 1);
        widths.put(SKIN_ITA, 1);
        widths.put(FACE_SHAPE, FaceShape.values().length);
        return Collections.unmodifiableMap(widths);
    }
}
