package io.callface.stream.demo;

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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AvatarFileSinkTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path out;

    @Test
    void writesTheFaceAndItsFeaturesWithTheCallersAttributes() throws Exception {
        CallerAttributes attributes = CallerAttributes.newBuilder()
                .setMaleProbability(0.9f).setAgeYears(41f).setAgeSdYears(11f)
                .setHair(new HairAttributes("#302010", HairLengthClass.SHORT, 0.6f, 0.1f))
                .setFacialHairProbability(0.3f)
                .setSkinTone(new SkinTone("#c08060", 30f, SkinToneCategory.INTERMEDIATE))
                .setFaceShape(FaceShapeClass.SQUARE).setFaceShapeProbability(0.35f)
                .build();

        try (AvatarFileSink sink = new AvatarFileSink(new MockConsumer<>(OffsetResetStrategy.EARLIEST), "avatars", out,
                png -> { })) {
            Path png = sink.write(avatar("standup-1", "linus", false, attributes));
            Path withoutHead = sink.write(avatar("standup-1", "ada", true, null));

            assertThat(png).isEqualTo(out.resolve("standup-1/linus/window-0.png"));
            assertThat(Files.readAllBytes(png)).containsExactly(1, 2, 3);
            JsonNode json = JSON.readTree(out.resolve("standup-1/linus/window-0.json").toFile());
            assertThat(json.get("colours").get("hair").asText()).isEqualTo("#302010");
            assertThat(json.get("attributes").get("maleProbability").floatValue()).isEqualTo(0.9f);
            assertThat(json.get("attributes").get("hair").get("lengthClass").asText()).isEqualTo("SHORT");
            assertThat(json.get("attributes").get("faceShape").asText()).isEqualTo("SQUARE");
            assertThat(withoutHead).isEqualTo(out.resolve("standup-1/ada/window-0-provisional.png"));
            assertThat(JSON.readTree(out.resolve("standup-1/ada/window-0-provisional.json").toFile())
                    .get("attributes").isNull()).isTrue();
        }
    }

    private static AvatarEvent avatar(String call, String participant, boolean provisional, CallerAttributes attributes) {
        return AvatarEvent.newBuilder()
                .setCallId(call).setParticipantId(participant).setWindowIndex(0).setProvisional(provisional)
                .setWindowStart(Instant.ofEpochMilli(0)).setWindowEnd(Instant.ofEpochMilli(6_000))
                .setVoicedSeconds(6f).setModelVersion("0.1.0").setFaceImagePng(ByteBuffer.wrap(new byte[] {1, 2, 3}))
                .setImageWidth(1).setImageHeight(1).setLandmarks(List.of())
                .setMeasures(new FaceMeasures(0f, 0f, 0f, 0f, 0f, 0f, 0f, 0f, 0f))
                .setColours(new FaceColours("#c08060", "#302010", "#a05050", "#403020"))
                .setFaceEmbedding(List.of(1f)).setTimings(new Timings(0f, 0f, 0f, 0f, 0f))
                .setAttributes(attributes).build();
    }
}
