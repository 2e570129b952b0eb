package io.callface.trainer.synth;

import io.callface.audio.synth.SpeakingStyle;
import io.callface.audio.synth.VoiceTraits;
import java.util.List;
import java.util.Locale;

/** One row of {@code identities.csv}: the identity's split and every trait that generated its data. */
final class IdentitiesCsv {
    private static final List<String> COLUMNS = List.of("identity", "split", "sex", "age", "ancestry",
            "vocal_tract_cm", "f0_hz", "skin", "hair", "eyes", "lips", "jitter", "shimmer", "speaking_rate",
            "breathiness", "face_aspect", "jaw_width", "nose_width", "eye_spacing", "lip_fullness", "body_size",
            "chin_height", "brow_ridge", "brow_thickness", "brow_height", "eye_opening", "hair_length", "hair_style",
            "hair_texture", "norwood", "facial_hair", "grey_share", "forehead_lines", "crows_feet", "nasolabial_folds",
            "accent", "accent_exposure", "accent_seed", "pitch_range", "articulation_precision", "pause_scale",
            "phrase_syllables", "creakiness");
    static final String HEADER = String.join(",", COLUMNS);

    private IdentitiesCsv() {
    }

    static String format(String identity, Split split, IdentityTraits t) {
        VoiceTraits v = t.voice();
        FaceShape f = t.face();
        FaceDetail d = t.detail();
        Pigmentation c = t.colours();
        Hair h = t.hair();
        Ageing a = t.ageing();
        SpeechHabits s = t.speech();
        SpeakingStyle style = s.style();
        return String.join(",", identity, split.csvName(), t.sex().csvName(), num(t.ageYears()), t.ancestry().csvName(),
                num(v.vocalTractCm()), num(v.f0Hz()), Pigmentation.hex(c.skin()), Pigmentation.hex(c.hair()),
                Pigmentation.hex(c.eyes()), Pigmentation.hex(c.lips()), num(v.jitter()), num(v.shimmer()),
                num(v.speakingRate()), num(v.breathiness()), num(f.aspect()), num(f.jawWidth()),
                num(f.noseWidth()), num(f.eyeSpacing()), num(f.lipFullness()), num(t.bodySize()),
                num(d.chinHeight()), num(d.browRidge()), num(d.browThickness()), num(d.browHeight()),
                num(d.eyeOpening()), h.length().csvName(), h.style().csvName(), h.texture().csvName(),
                Integer.toString(h.norwood()), t.facialHair().csvName(), num(a.greyShare()), num(a.foreheadLines()),
                num(a.crowsFeet()), num(a.nasolabialFolds()), s.accent(), num(s.exposure()),
                Long.toString(s.accentSeed()), num(style.pitchRange()), num(style.articulationPrecision()),
                num(style.pauseScale()), num(style.phraseSyllables()), num(style.creakiness()));
    }

    /** Parses a row; throws {@link IllegalArgumentException} naming the bad field. */
    static Identity parse(String line) {
        Row x = new Row(line.split(",", -1));
        if (x.fields.length != COLUMNS.size()) {
            throw new IllegalArgumentException("expected " + COLUMNS.size() + " columns, found " + x.fields.length);
        }
        if (x.text("identity").isBlank()) {
            throw new IllegalArgumentException("identity: must not be blank");
        }
        VoiceTraits voice = new VoiceTraits(x.number("f0_hz"), x.number("vocal_tract_cm"), x.number("jitter"),
                x.number("shimmer"), x.number("speaking_rate"), x.number("breathiness"));
        FaceShape face = new FaceShape(x.number("face_aspect"), x.number("jaw_width"), x.number("nose_width"),
                x.number("eye_spacing"), x.number("lip_fullness"));
        FaceDetail detail = new FaceDetail(x.number("chin_height"), x.number("brow_ridge"),
                x.number("brow_thickness"), x.number("brow_height"), x.number("eye_opening"));
        Pigmentation colours = new Pigmentation(x.colour("skin"), x.colour("hair"), x.colour("eyes"),
                x.colour("lips"));
        Hair hair = new Hair(HairLength.fromCsv(x.text("hair_length")), HairStyle.fromCsv(x.text("hair_style")),
                HairTexture.fromCsv(x.text("hair_texture")), x.integer("norwood"));
        Ageing ageing = new Ageing(x.number("grey_share"), x.number("forehead_lines"), x.number("crows_feet"),
                x.number("nasolabial_folds"));
        IdentityTraits traits = new IdentityTraits(Sex.fromCsv(x.text("sex")), x.number("age"),
                Ancestry.fromCsv(x.text("ancestry")), x.number("body_size"), voice, face, detail, colours, hair,
                FacialHair.fromCsv(x.text("facial_hair")), ageing, speech(x));
        return new Identity(x.text("identity"), Split.fromCsv(x.text("split")), traits);
    }

    private static SpeechHabits speech(Row x) {
        String seed = x.text("accent_seed");
        long accentSeed;
        try {
            accentSeed = Long.parseLong(seed);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("accent_seed: '" + seed + "' is not an integer");
        }
        SpeakingStyle style = new SpeakingStyle(x.number("pitch_range"), x.number("articulation_precision"),
                x.number("pause_scale"), x.number("phrase_syllables"), x.number("creakiness"));
        return new SpeechHabits(x.text("accent"), x.number("accent_exposure"), accentSeed, style);
    }

    private static String num(double value) {
        return String.format(Locale.ROOT, "%.5f", value);
    }

    private record Row(String[] fields) {
        String text(String column) {
            return fields[COLUMNS.indexOf(column)];
        }

        double number(String column) {
            String text = text(column);
            try {
                return Double.parseDouble(text);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(column + ": '" + text + "' is not a number");
            }
        }

        int integer(String column) {
            String text = text(column);
            try {
                return Integer.parseInt(text);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(column + ": '" + text + "' is not an integer");
            }
        }

        java.awt.Color colour(String column) {
            return Pigmentation.parseHex(column, text(column));
        }
    }
}
