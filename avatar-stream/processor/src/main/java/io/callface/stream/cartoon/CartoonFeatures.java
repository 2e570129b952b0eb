package io.callface.stream.cartoon;

import io.callface.avro.AvatarEvent;
import io.callface.avro.CallerAttributes;
import io.callface.avro.FaceColours;
import io.callface.avro.FaceShapeClass;
import io.callface.avro.HairLengthClass;
import java.util.List;

/**
 * Everything the cartoon of one avatar shows, decided from the event: colours from the decoded face, proportions
 * from its measures and landmarks, and hair, facial hair, lines of age and face shape from its attributes.
 *
 * <p>Without attributes (a model with no attribute head) the cartoon is drawn with short hair, no facial hair, no
 * lines and an oval face: it then shows only what the face image shows. Grey hair is the sampled hair colour moved
 * towards silver by the head's grey share (the brows by 60 % of it, as brows grey later). A man's temples recede
 * with the share of men at Hamilton-Norwood stage 3 or more at his age, {@code clamp((age - 8) / 80, 0, 0.85)} (the
 * synthetic world's hairline model, after Norwood 1975), weighted by the probability that the face is male.
 *
 * @param seed             what picks the background and clothing colours (the participant id), so a person keeps
 *                         them from window to window
 * @param maleProbability  perceived sex as P(male)
 * @param hairlineRecession how far the temples recede, in [0, 0.85]
 */
record CartoonFeatures(String seed, Rgb skin, Rgb hair, Rgb brows, Rgb eyes, Rgb lips, double maleProbability,
                       double ageYears, HairLengthClass hairLength, FacialHair facialHair, AgeLines ageLines,
                       double hairlineRecession, FaceShapeClass faceShape, Proportions proportions) {
    static final Rgb SILVER = new Rgb(0xd2, 0xd4, 0xd8);
    private static final Rgb DEFAULT_SKIN = new Rgb(0xd9, 0xa9, 0x8c);
    private static final Rgb DEFAULT_HAIR = new Rgb(0x3b, 0x2a, 0x20);
    private static final Rgb DEFAULT_EYES = new Rgb(0x4a, 0x3b, 0x30);
    private static final Rgb DEFAULT_LIPS = new Rgb(0xb5, 0x55, 0x5d);
    private static final double TYPICAL_AGE = 30;

    static CartoonFeatures of(AvatarEvent event) {
        FaceColours colours = event.getColours();
        Rgb skin = Rgb.parse(colours.getSkin(), DEFAULT_SKIN);
        Rgb sampledHair = Rgb.parse(colours.getHair(), DEFAULT_HAIR);
        Rgb eyes = Rgb.parse(colours.getEyes(), DEFAULT_EYES);
        Rgb lips = Rgb.parse(colours.getLips(), DEFAULT_LIPS);
        Proportions proportions = event.getMeasures() == null ? Proportions.TYPICAL
                : Proportions.of(event.getMeasures(), event.getLandmarks() == null ? List.of() : event.getLandmarks());
        CallerAttributes attributes = event.getAttributes();
        if (attributes == null) {
            return new CartoonFeatures(event.getParticipantId(), skin, sampledHair, sampledHair, eyes, lips, 0.5,
                    TYPICAL_AGE, HairLengthClass.SHORT, FacialHair.NONE, AgeLines.of(TYPICAL_AGE, 0.5), 0,
                    FaceShapeClass.OVAL, proportions);
        }
        double male = unit(attributes.getMaleProbability());
        double age = Float.isFinite(attributes.getAgeYears()) ? attributes.getAgeYears() : TYPICAL_AGE;
        double grey = unit(attributes.getHair().getGreyShare());
        return new CartoonFeatures(event.getParticipantId(), skin, sampledHair.mix(SILVER, grey),
                sampledHair.mix(SILVER, 0.6 * grey), eyes, lips, male, age, attributes.getHair().getLengthClass(),
                FacialHair.of(attributes.getFacialHairProbability()), AgeLines.of(age, male),
                male * Math.max(0, Math.min(0.85, (age - 8) / 80)), attributes.getFaceShape(), proportions);
    }

    private static double unit(float value) {
        return Float.isFinite(value) ? Math.max(0, Math.min(1, value)) : 0.5;
    }
}
