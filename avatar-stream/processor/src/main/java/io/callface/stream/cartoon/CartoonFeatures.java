package io.callface.stream.cartoon;

import io.callface.avro.AvatarEvent;
import io.callface.avro.CallerAttributes;
import io.callface.avro.FaceColours;
import io.callface.avro.FaceShapeClass;
import io.callface.avro.HairLengthClass;

/**
 * Everything the cartoon of one avatar shows, decided from the event: colours from the decoded face, proportions
 * from its measures and landmarks, and hair, facial hair, lines of age and face shape from its attributes.
 *
 * <p>Without attributes (a model with no attribute head) the cartoon is drawn with short hair, no facial hair, no
 * lines and an oval face: it then shows only what the face image shows.
 *
 * <p>Signs of age are drawn only as far as the head is sure of them: for the <em>shown age</em>, one standard
 * deviation below its estimate ({@code ageYears - ageSdYears}, an age the face reaches with about 84 % probability
 * under the head's Gaussian). A voice that says little about age (a wide sd) thus gets a face without the
 * population's average wrinkles and grey. From the shown age: the lines ({@link AgeLines}); grey hair, the sampled
 * hair colour moved towards silver by the head's grey share, capped at the grey share of the synthetic world's
 * earliest-greying group at that age, {@code 1 - exp(-(age - 34) / 35)} (the trainer's {@code AgeingModel}; the
 * brows by 60 % of it, as brows grey later); and a man's temples, receding with the share of men at
 * Hamilton-Norwood stage 3 or more at that age, {@code clamp((age - 8) / 80, 0, 0.85)} (the world's hairline model,
 * after Norwood 1975), weighted by the probability that the face is male.
 *
 * @param seed             what picks the background and clothing colours (the participant id), so a person keeps
 *                         them from window to window
 * @param maleProbability  perceived sex as P(male)
 * @param shownAge         the age whose signs are drawn (see above)
 * @param hairlineRecession how far the temples recede, in [0, 0.85]
 */
record CartoonFeatures(String seed, Rgb skin, Rgb hair, Rgb brows, Rgb eyes, Rgb lips, double maleProbability,
                       double shownAge, HairLengthClass hairLength, FacialHair facialHair, AgeLines ageLines,
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
        Proportions proportions = Proportions.of(event.getMeasures(), event.getLandmarks());
        CallerAttributes attributes = event.getAttributes();
        if (attributes == null) {
            return new CartoonFeatures(event.getParticipantId(), skin, sampledHair, sampledHair, eyes, lips, 0.5,
                    TYPICAL_AGE, HairLengthClass.SHORT, FacialHair.NONE, AgeLines.of(TYPICAL_AGE, 0.5), 0,
                    FaceShapeClass.OVAL, proportions);
        }
        double male = unit(attributes.getMaleProbability());
        double age = shownAge(attributes.getAgeYears(), attributes.getAgeSdYears());
        double grey = Math.min(unit(attributes.getHair().getGreyShare()), earliestGreyShare(age));
        return new CartoonFeatures(event.getParticipantId(), skin, sampledHair.mix(SILVER, grey),
                sampledHair.mix(SILVER, 0.6 * grey), eyes, lips, male, age, attributes.getHair().getLengthClass(),
                FacialHair.of(attributes.getFacialHairProbability()), AgeLines.of(age, male),
                male * Math.max(0, Math.min(0.85, (age - 8) / 80)), attributes.getFaceShape(), proportions);
    }

    /** One standard deviation below the estimate; the typical age when the estimate is not a number. */
    static double shownAge(double ageYears, double ageSdYears) {
        if (!Double.isFinite(ageYears)) {
            return TYPICAL_AGE;
        }
        return ageYears - (Double.isFinite(ageSdYears) ? Math.max(0, ageSdYears) : 0);
    }

    /** Grey share of the world's earliest-greying group (onset 34, time constant 35 years) at {@code age}. */
    private static double earliestGreyShare(double age) {
        return age <= 34 ? 0 : 1 - Math.exp(-(age - 34) / 35);
    }

    private static double unit(float value) {
        return Float.isFinite(value) ? Math.max(0, Math.min(1, value)) : 0.5;
    }
}
