package io.callface.trainer.eval;

import io.callface.trainer.synth.FacialHair;
import io.callface.trainer.synth.HairLength;
import io.callface.trainer.synth.IdentityTraits;
import io.callface.trainer.synth.Sex;

/**
 * What the attribute heads learn about one identity, read from its generating traits: the attributes a UI may show
 * (none names ancestry or ethnicity).
 *
 * @param male        perceived sex
 * @param ageYears    age in years
 * @param greyShare   share of grey hair, 0-1
 * @param hairLength  hair length class
 * @param facialHair  any beard or moustache
 * @param skinIta     skin tone as the individual typology angle in degrees ({@link SkinTone})
 * @param faceShape   face-shape class
 */
public record AttributeTruth(boolean male, double ageYears, double greyShare, HairLength hairLength, boolean facialHair,
                             double skinIta, FaceShapeClass faceShape) {

    public static AttributeTruth of(IdentityTraits traits) {
        return new AttributeTruth(traits.sex() == Sex.MALE, traits.ageYears(), traits.ageing().greyShare(),
                traits.hair().length(), traits.facialHair() != FacialHair.NONE,
                SkinTone.itaDegrees(traits.colours().skin()), FaceShapeClass.of(traits.face()));
    }
}
