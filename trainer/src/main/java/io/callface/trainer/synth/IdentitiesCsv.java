package io.callface.trainer.synth;

import io.callface.stream.synth.VoiceTraits;
import java.util.Locale;

/** One row of {@code identities.csv}: the identity's split and every trait that generated its data. */
final class IdentitiesCsv {
    static final String HEADER = "identity,split,sex,age,ancestry,vocal_tract_cm,f0_hz,skin,hair,eyes,lips,jitter,shimmer,"
            + "speaking_rate,breathiness,face_aspect,jaw_width,nose_width,eye_spacing,lip_fullness";
    private static final int COLUMNS = HEADER.split(",").length;

    private IdentitiesCsv() {
    }

    static String format(String identity, Split split, IdentityTraits t) {
        VoiceTraits v = t.voice();
        FaceShape f = t.face();
        Pigmentation c = t.colours();
        return String.join(",", identity, split.csvName(), t.sex().csvName(), num(t.ageYears()), t.ancestry().csvName(),
                num(v.vocalTractCm()), num(v.f0Hz()), Pigmentation.hex(c.skin()), Pigmentation.hex(c.hair()),
                Pigmentation.hex(c.eyes()), Pigmentation.hex(c.lips()), num(v.jitter()), num(v.shimmer()),
                num(v.speakingRate()), num(v.breathiness()), num(f.aspect()), num(f.jawWidth()),
                num(f.noseWidth()), num(f.eyeSpacing()), num(f.lipFullness()));
    }

    /** Parses a row; throws {@link IllegalArgumentException} naming the bad field. */
    static Identity parse(String line) {
        String[] x = line.split(",", -1);
        if (x.length != COLUMNS) {
            throw new IllegalArgumentException("expected " + COLUMNS + " columns, found " + x.length);
        }
        if (x[0].isBlank()) {
            throw new IllegalArgumentException("identity: must not be blank");
        }
        VoiceTraits voice = new VoiceTraits(number("f0_hz", x[6]), number("vocal_tract_cm", x[5]),
                number("jitter", x[11]), number("shimmer", x[12]), number("speaking_rate", x[13]),
                number("breathiness", x[14]));
        FaceShape face = new FaceShape(number("face_aspect", x[15]), number("jaw_width", x[16]),
                number("nose_width", x[17]), number("eye_spacing", x[18]), number("lip_fullness", x[19]));
        Pigmentation colours = new Pigmentation(Pigmentation.parseHex("skin", x[7]),
                Pigmentation.parseHex("hair", x[8]), Pigmentation.parseHex("eyes", x[9]),
                Pigmentation.parseHex("lips", x[10]));
        IdentityTraits traits = new IdentityTraits(Sex.fromCsv(x[2]), number("age", x[3]),
                Ancestry.fromCsv(x[4]), voice, face, colours);
        return new Identity(x[0], Split.fromCsv(x[1]), traits);
    }

    private static String num(double value) {
        return String.format(Locale.ROOT, "%.5f", value);
    }

    private static double number(String field, String text) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + ": '" + text + "' is not a number");
        }
    }
}
