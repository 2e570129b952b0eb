package io.callface.stream.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.callface.avro.AvatarEvent;
import io.callface.avro.CallerAttributes;
import io.callface.avro.FaceColours;
import io.callface.avro.FaceMeasures;
import io.callface.avro.FaceShapeClass;
import io.callface.avro.HairAttributes;
import io.callface.avro.HairLengthClass;
import io.callface.avro.SkinTone;
import io.callface.avro.SkinToneCategory;
import io.callface.avro.Timings;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AvatarViewTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final CallerAttributes ATTRIBUTES = CallerAttributes.newBuilder()
            .setMaleProbability(0.25f).setAgeYears(63f).setAgeSdYears(8f)
            .setHair(new HairAttributes("#b0b0b0", HairLengthClass.SHOULDER, 0.55f, 0.7f))
            .setFacialHairProbability(0.05f)
            .setSkinTone(new SkinTone("#e0b8a0", 44f, SkinToneCategory.LIGHT))
            .setFaceShape(FaceShapeClass.ROUND).setFaceShapeProbability(0.4f)
            .build();

    @Test
    void theParticipantJsonCarriesTheAttributesAsNestedObjectsWithClassesByName() throws Exception {
        JsonNode json = JSON.readTree(JSON.writeValueAsString(AvatarView.of(event(ATTRIBUTES))));

        JsonNode attributes = json.get("attributes");
        assertThat(attributes.get("maleProbability").floatValue()).isEqualTo(0.25f);
        assertThat(attributes.get("ageYears").floatValue()).isEqualTo(63f);
        assertThat(attributes.get("ageSdYears").floatValue()).isEqualTo(8f);
        assertThat(attributes.get("hair").get("colourHex").asText()).isEqualTo("#b0b0b0");
        assertThat(attributes.get("hair").get("lengthClass").asText()).isEqualTo("SHOULDER");
        assertThat(attributes.get("hair").get("greyShare").floatValue()).isEqualTo(0.7f);
        assertThat(attributes.get("skinTone").get("category").asText()).isEqualTo("LIGHT");
        assertThat(attributes.get("skinTone").get("ita").floatValue()).isEqualTo(44f);
        assertThat(attributes.get("faceShape").asText()).isEqualTo("ROUND");
        assertThat(attributes.get("faceShapeProbability").floatValue()).isEqualTo(0.4f);
    }

    @Test
    void attributesAreNullWithoutAnAttributeHeadAndSurviveTheLiveForm() throws Exception {
        assertThat(JSON.readTree(JSON.writeValueAsString(AvatarView.of(event(null)))).get("attributes").isNull())
                .isTrue();
        assertThat(AvatarView.withEmbeddedFace(event(ATTRIBUTES)).attributes())
                .isEqualTo(AvatarView.of(event(ATTRIBUTES)).attributes());
    }

    @Test
    void theCartoonIsServedByUrlAndEmbeddedInTheLiveForm() {
        AvatarView api = AvatarView.of(event(ATTRIBUTES));
        AvatarView live = AvatarView.withEmbeddedFace(event(ATTRIBUTES));

        assertThat(api.cartoonUrl()).isEqualTo("/api/calls/call/participants/ann/cartoon.svg");
        assertThat(api.cartoonSvg()).isNull();
        assertThat(live.cartoonSvg()).startsWith("<svg ").contains("data-hair-length=\"SHOULDER\"");
    }

    @Test
    void aPeersJsonReadsBackToTheSameView() throws Exception {
        AvatarView view = AvatarView.of(event(ATTRIBUTES));

        AvatarView relayed = JSON.readValue(JSON.writeValueAsString(view), AvatarView.class);

        assertThat(JSON.readTree(JSON.writeValueAsString(relayed)))
                .isEqualTo(JSON.readTree(JSON.writeValueAsString(view)));
    }

    private static AvatarEvent event(CallerAttributes attributes) {
        return AvatarEvent.newBuilder()
                .setCallId("call").setParticipantId("ann").setWindowIndex(2)
                .setWindowStart(Instant.ofEpochMilli(1_000)).setWindowEnd(Instant.ofEpochMilli(7_000))
                .setVoicedSeconds(6f).setModelVersion("tiny").setFaceImagePng(ByteBuffer.wrap(new byte[] {1, 2}))
                .setImageWidth(2).setImageHeight(2).setLandmarks(List.of())
                .setMeasures(new FaceMeasures(0f, 0f, 0f, 0f, 0f, 0f, 0f, 0f, 0f))
                .setColours(new FaceColours("#e0b8a0", "#b0b0b0", "#a0525a", "#4a3a30"))
                .setFaceEmbedding(List.of(0.5f)).setTimings(new Timings(0f, 0f, 0f, 0f, 0f))
                .setAttributes(attributes).build();
    }
}
