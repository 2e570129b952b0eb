package io.callface.stream.cartoon;

import static io.callface.stream.cartoon.CartoonEvents.attributes;
import static io.callface.stream.cartoon.CartoonEvents.event;
import static org.assertj.core.api.Assertions.assertThat;

import io.callface.avro.AvatarEvent;
import io.callface.avro.CallerAttributes;
import io.callface.avro.FaceColours;
import io.callface.avro.FaceShapeClass;
import io.callface.avro.HairLengthClass;
import org.junit.jupiter.api.Test;

class CartoonFeaturesTest {
    @Test
    void withoutAttributesOnlyWhatTheFaceImageShowsIsDrawn() {
        CartoonFeatures features = CartoonFeatures.of(event("ann", null));

        assertThat(features.hairLength()).isEqualTo(HairLengthClass.SHORT);
        assertThat(features.facialHair()).isEqualTo(FacialHair.NONE);
        assertThat(features.ageLines().drawnCount()).isZero();
        assertThat(features.faceShape()).isEqualTo(FaceShapeClass.OVAL);
        assertThat(features.hair().hex()).isEqualTo("#4a3020");
        assertThat(features.skin().hex()).isEqualTo("#d9a98c");
    }

    @Test
    void theAttributesDecideHairFacialHairShapeAndLines() {
        CartoonFeatures features = CartoonFeatures.of(event("bob",
                attributes(0.9, 66, HairLengthClass.BUZZ, 0, 0.8, FaceShapeClass.SQUARE)));

        assertThat(features.hairLength()).isEqualTo(HairLengthClass.BUZZ);
        assertThat(features.facialHair()).isEqualTo(FacialHair.FULL);
        assertThat(features.faceShape()).isEqualTo(FaceShapeClass.SQUARE);
        assertThat(features.ageLines().foreheadLineCount()).isEqualTo(3);
        assertThat(features.maleProbability()).isEqualTo(0.9, org.assertj.core.data.Offset.offset(1e-6));
    }

    @Test
    void greyShareMovesTheHairTowardsSilverAndTheBrowsLess() {
        // Shown age 81 - 9 = 72: the earliest-greying group's share there caps the head's 1.0.
        CartoonFeatures dark = CartoonFeatures.of(event("a", attributes(0.5, 81, HairLengthClass.SHORT, 0, 0, FaceShapeClass.OVAL)));
        CartoonFeatures grey = CartoonFeatures.of(event("a", attributes(0.5, 81, HairLengthClass.SHORT, 1, 0, FaceShapeClass.OVAL)));

        assertThat(dark.hair().hex()).isEqualTo("#4a3020");
        assertThat(grey.hair()).isEqualTo(Rgb.parse("#4a3020").mix(CartoonFeatures.SILVER, 1 - Math.exp(-(72 - 34) / 35.0)));
        assertThat(grey.brows()).isEqualTo(Rgb.parse("#4a3020").mix(CartoonFeatures.SILVER, 0.6 * (1 - Math.exp(-(72 - 34) / 35.0))));
    }

    @Test
    void signsOfAgeAreDrawnOnlyAsFarAsTheHeadIsSure() {
        // 50 +- 19 years: the head knows little, so the face is drawn at 31, without lines or grey.
        CallerAttributes unsure = attributes(0.5, 50, HairLengthClass.SHORT, 0.4, 0, FaceShapeClass.OVAL);
        unsure.setAgeSdYears(19f);
        CartoonFeatures features = CartoonFeatures.of(event("a", unsure));

        assertThat(features.shownAge()).isEqualTo(31, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(features.ageLines().drawnCount()).isZero();
        assertThat(features.hair().hex()).isEqualTo("#4a3020");

        CallerAttributes sure = attributes(1, 50, HairLengthClass.SHORT, 0.4, 0, FaceShapeClass.OVAL);
        sure.setAgeSdYears(3f);
        assertThat(CartoonFeatures.of(event("a", sure)).ageLines().drawnCount()).isPositive();
    }

    @Test
    void facialHairIsStubbleWhileTheHeadIsUnsure() {
        assertThat(FacialHair.of(0.49)).isEqualTo(FacialHair.NONE);
        assertThat(FacialHair.of(0.5)).isEqualTo(FacialHair.STUBBLE);
        assertThat(FacialHair.of(0.74)).isEqualTo(FacialHair.STUBBLE);
        assertThat(FacialHair.of(0.75)).isEqualTo(FacialHair.FULL);
    }

    @Test
    void onlyAFaceLikelyMaleGetsARecedingHairlineAndItRecedesWithAge() {
        double woman = CartoonFeatures.of(event("a", attributes(0, 70, HairLengthClass.SHORT, 0, 0, FaceShapeClass.OVAL)))
                .hairlineRecession();
        double youngMan = CartoonFeatures.of(event("a", attributes(1, 25, HairLengthClass.SHORT, 0, 0, FaceShapeClass.OVAL)))
                .hairlineRecession();
        double oldMan = CartoonFeatures.of(event("a", attributes(1, 70, HairLengthClass.SHORT, 0, 0, FaceShapeClass.OVAL)))
                .hairlineRecession();

        assertThat(woman).isZero();
        assertThat(oldMan).isGreaterThan(youngMan).isLessThanOrEqualTo(0.85);
    }

    @Test
    void coloursThatAreNotHexFallBackInsteadOfFailing() {
        AvatarEvent event = event("a", null);
        event.setColours(new FaceColours("red", "#12345", "", "#GGGGGG"));

        CartoonFeatures features = CartoonFeatures.of(event);

        assertThat(features.skin().hex()).matches("#[0-9a-f]{6}");
        assertThat(features.hair().hex()).matches("#[0-9a-f]{6}");
    }
}
