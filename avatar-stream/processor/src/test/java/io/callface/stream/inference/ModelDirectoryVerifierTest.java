package io.callface.stream.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.callface.model.AttributeContract;
import io.callface.model.ModelContract;
import io.callface.model.ModelManifest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelDirectoryVerifierTest {
    private static final InferenceOptions CPU = InferenceOptions.cpu(1);

    @TempDir
    Path dir;

    @Test
    void acceptsAModelThatHonoursTheContract() throws IOException {
        ModelManifest written = new TinyFaceModelWriter().featureDim(5).imageSize(6, 4).write(dir);

        try (FaceModel model = FaceModel.load(dir, CPU)) {
            assertThat(model.manifest()).isEqualTo(written);
            assertThat(model.featureDim()).isEqualTo(5);
            assertThat(model.version()).isEqualTo(written.version());
        }
    }

    @Test
    void rejectsAFileWithOneByteFlippedNamingFileAndDigests() throws Exception {
        ModelManifest manifest = new TinyFaceModelWriter().write(dir);
        Path decoder = dir.resolve(ModelContract.DECODER_FILE);
        byte[] bytes = Files.readAllBytes(decoder);
        bytes[bytes.length / 2] ^= 0x01;
        Files.write(decoder, bytes);
        String actual = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));

        ModelRejectedException e = assertThrows(ModelRejectedException.class,
                () -> ModelDirectoryVerifier.verifyFiles(dir));

        assertThat(e.getMessage()).contains(ModelContract.DECODER_FILE)
                .contains(manifest.sha256().get(ModelContract.DECODER_FILE)).contains(actual);
    }

    @Test
    void rejectsDecoderMetadataThatDiffersFromTheManifest() throws IOException {
        new TinyFaceModelWriter().decoderMetadata(ModelContract.META_VERSION, "someone-else").write(dir);

        ModelRejectedException e = assertThrows(ModelRejectedException.class, () -> FaceModel.load(dir, CPU));

        assertThat(e.getMessage()).contains(ModelContract.DECODER_FILE).contains(ModelContract.META_VERSION)
                .contains("someone-else");
    }

    @Test
    void rejectsAWrongFeatureDimInMetadata() throws IOException {
        new TinyFaceModelWriter().decoderMetadata(ModelContract.META_FEATURE_DIM, "512").write(dir);

        ModelRejectedException e = assertThrows(ModelRejectedException.class, () -> FaceModel.load(dir, CPU));

        assertThat(e.getMessage()).contains(ModelContract.META_FEATURE_DIM).contains("512");
    }

    @Test
    void rejectsAWrongOutputName() throws IOException {
        new TinyFaceModelWriter().imageOutputName("picture").write(dir);

        ModelRejectedException e = assertThrows(ModelRejectedException.class, () -> FaceModel.load(dir, CPU));

        assertThat(e.getMessage()).contains(ModelContract.DECODER_FILE).contains("picture")
                .contains(ModelContract.FACE_IMAGE);
    }

    @Test
    void rejectsAManifestFeatureDimThatDiffersFromTheGraphs() throws IOException {
        new TinyFaceModelWriter().featureDim(6).manifestFeatureDim(7).write(dir);

        ModelRejectedException e = assertThrows(ModelRejectedException.class, () -> FaceModel.load(dir, CPU));

        assertThat(e.getMessage()).contains(ModelContract.ENCODER_FILE).contains(ModelContract.FACE_FEATURE)
                .contains("[?, 6]").contains("[?, 7]");
    }

    @Test
    void rejectsAManifestImageSizeThatDiffersFromTheDecoder() throws IOException {
        ModelManifest honest = new TinyFaceModelWriter().imageSize(8, 10).write(dir);
        new ModelManifest(honest.version(), honest.preset(), honest.featureDim(), 8, 12, honest.opset(),
                honest.createdAt(), honest.sha256(), honest.metrics()).write(dir);

        ModelRejectedException e = assertThrows(ModelRejectedException.class, () -> FaceModel.load(dir, CPU));

        assertThat(e.getMessage()).contains(ModelContract.FACE_IMAGE).contains("[?, 3, 8, 10]")
                .contains("[?, 3, 8, 12]");
    }

    @Test
    void rejectsADirectoryWithoutManifest() throws IOException {
        new TinyFaceModelWriter().write(dir);
        Files.delete(dir.resolve(ModelContract.MANIFEST_FILE));

        ModelRejectedException e = assertThrows(ModelRejectedException.class,
                () -> ModelDirectoryVerifier.verifyFiles(dir));

        assertThat(e.getMessage()).contains(ModelContract.MANIFEST_FILE);
    }

    @Test
    void rejectsAManifestWithoutADigestForAFile() throws IOException {
        ModelManifest honest = new TinyFaceModelWriter().write(dir);
        new ModelManifest(honest.version(), honest.preset(), honest.featureDim(), honest.imageHeight(),
                honest.imageWidth(), honest.opset(), honest.createdAt(),
                Map.of(ModelContract.ENCODER_FILE, honest.sha256().get(ModelContract.ENCODER_FILE)),
                honest.metrics()).write(dir);

        ModelRejectedException e = assertThrows(ModelRejectedException.class,
                () -> ModelDirectoryVerifier.verifyFiles(dir));

        assertThat(e.getMessage()).contains("no sha256 for " + ModelContract.DECODER_FILE);
    }

    @Test
    void acceptsAndLoadsAnAttributeHeadListedInTheManifest() throws IOException {
        ModelManifest written = new TinyFaceModelWriter().withAttributes().write(dir);

        assertThat(written.sha256()).containsKey(AttributeContract.ATTRIBUTES_FILE);
        assertThat(ModelDirectoryVerifier.verifyFiles(dir).attributes()).isPresent();
        try (FaceModel model = FaceModel.load(dir, CPU)) {
            assertThat(model.hasAttributes()).isTrue();
        }
    }

    @Test
    void aModelWithoutAnAttributeHeadIsValidAndHasNone() throws IOException {
        new TinyFaceModelWriter().write(dir);

        assertThat(ModelDirectoryVerifier.verifyFiles(dir).attributes()).isEmpty();
        try (FaceModel model = FaceModel.load(dir, CPU)) {
            assertThat(model.hasAttributes()).isFalse();
        }
    }

    @Test
    void anAttributeFileTheManifestDoesNotListIsNotPartOfTheModel() throws IOException {
        new TinyFaceModelWriter().attributesUnlisted().write(dir);

        assertThat(Files.exists(dir.resolve(AttributeContract.ATTRIBUTES_FILE))).isTrue();
        try (FaceModel model = FaceModel.load(dir, CPU)) {
            assertThat(model.hasAttributes()).isFalse();
        }
    }

    @Test
    void rejectsAnAttributeHeadThatFailsItsDigest() throws Exception {
        ModelManifest manifest = new TinyFaceModelWriter().withAttributes().write(dir);
        TestReleases.flipOneByte(dir.resolve(AttributeContract.ATTRIBUTES_FILE));

        ModelRejectedException e = assertThrows(ModelRejectedException.class,
                () -> ModelDirectoryVerifier.verifyFiles(dir));

        assertThat(e.getMessage()).contains(AttributeContract.ATTRIBUTES_FILE).contains("digest")
                .contains(manifest.sha256().get(AttributeContract.ATTRIBUTES_FILE));
    }

    @Test
    void rejectsAListedAttributeHeadThatIsMissing() throws IOException {
        new TinyFaceModelWriter().withAttributes().write(dir);
        Files.delete(dir.resolve(AttributeContract.ATTRIBUTES_FILE));

        ModelRejectedException e = assertThrows(ModelRejectedException.class,
                () -> ModelDirectoryVerifier.verifyFiles(dir));

        assertThat(e.getMessage()).contains(AttributeContract.ATTRIBUTES_FILE);
    }

    @Test
    void rejectsAnAttributeHeadWithAnOutputMissingNamingBothSets() throws IOException {
        new TinyFaceModelWriter().attributeOutputName(AttributeContract.MALE_PROBABILITY, "female_probability")
                .write(dir);

        ModelRejectedException e = assertThrows(ModelRejectedException.class, () -> FaceModel.load(dir, CPU));

        assertThat(e.getMessage()).contains(AttributeContract.ATTRIBUTES_FILE).contains("female_probability")
                .contains(AttributeContract.MALE_PROBABILITY);
    }

    @Test
    void rejectsAnAttributeHeadWithAClassCountOtherThanTheContracts() throws IOException {
        new TinyFaceModelWriter().attributeOutputWidth(AttributeContract.HAIR_LENGTH, 4).write(dir);

        ModelRejectedException e = assertThrows(ModelRejectedException.class, () -> FaceModel.load(dir, CPU));

        assertThat(e.getMessage()).contains(AttributeContract.ATTRIBUTES_FILE)
                .contains(AttributeContract.HAIR_LENGTH).contains("[?, 4]").contains("[?, 5]");
    }

    @Test
    void rejectsAnAttributeHeadReadingAnotherFeatureDim() throws IOException {
        new TinyFaceModelWriter().featureDim(6).attributesFeatureDim(8).write(dir);

        ModelRejectedException e = assertThrows(ModelRejectedException.class, () -> FaceModel.load(dir, CPU));

        assertThat(e.getMessage()).contains(AttributeContract.ATTRIBUTES_FILE).contains(ModelContract.FACE_FEATURE)
                .contains("[?, 8]").contains("[?, 6]");
    }
}
