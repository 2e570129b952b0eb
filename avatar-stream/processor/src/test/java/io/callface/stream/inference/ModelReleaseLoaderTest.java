package io.callface.stream.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.callface.avro.ModelRelease;
import io.callface.model.AttributeContract;
import io.callface.model.ModelManifest;
import io.callface.model.Sha256;
import java.nio.ByteBuffer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelReleaseLoaderTest {
    @TempDir
    Path temp;

    @Test
    void aReleaseWhoseManifestListsAnAttributeHeadLoadsItFromBesideTheEncoder() throws IOException {
        ModelManifest manifest = new TinyFaceModelWriter().withAttributes().write(temp.resolve("model"));

        try (FaceModel model = loader().load(TestReleases.of(temp.resolve("model"), manifest))) {
            assertThat(model.hasAttributes()).isTrue();
        }
    }

    @Test
    void aReleaseWithoutAnAttributeHeadLoadsWithoutOne() throws IOException {
        ModelManifest manifest = new TinyFaceModelWriter().write(temp.resolve("model"));

        try (FaceModel model = loader().load(TestReleases.of(temp.resolve("model"), manifest))) {
            assertThat(model.hasAttributes()).isFalse();
        }
    }

    @Test
    void aListedAttributeHeadThatCannotBeFetchedRejectsTheRelease() throws IOException {
        ModelManifest manifest = new TinyFaceModelWriter().withAttributes().write(temp.resolve("model"));
        Files.delete(temp.resolve("model").resolve(AttributeContract.ATTRIBUTES_FILE));

        ModelRejectedException e = assertThrows(ModelRejectedException.class,
                () -> loader().load(TestReleases.of(temp.resolve("model"), manifest)));

        assertThat(e.getMessage()).contains(manifest.version()).contains(AttributeContract.ATTRIBUTES_FILE);
    }

    @Test
    void aReleasePinningTheAttributeHeadRefusesAnAlteredFileEvenWhenModelJsonListsIt() throws Exception {
        ModelManifest manifest = new TinyFaceModelWriter().withAttributes().write(temp.resolve("model"));
        String pinned = manifest.sha256().get(AttributeContract.ATTRIBUTES_FILE);
        ModelRelease release = ModelRelease.newBuilder(TestReleases.of(temp.resolve("model"), manifest))
                .setAttributesSha256(pinned).build();
        try (FaceModel model = loader().load(release)) {
            assertThat(model.hasAttributes()).isTrue();
        }
        Path head = temp.resolve("model").resolve(AttributeContract.ATTRIBUTES_FILE);
        TestReleases.flipOneByte(head);

        ModelRejectedException altered = assertThrows(ModelRejectedException.class, () -> loader().load(release));
        assertThat(altered.getMessage()).contains(AttributeContract.ATTRIBUTES_FILE).contains("digest")
                .contains(pinned);

        // And with a model.json that lists the altered file's digest: only the release's digest can tell.
        Map<String, String> digests = new HashMap<>(manifest.sha256());
        digests.put(AttributeContract.ATTRIBUTES_FILE, Sha256.hex(ByteBuffer.wrap(Files.readAllBytes(head))));
        new ModelManifest(manifest.version(), manifest.preset(), manifest.featureDim(), manifest.imageHeight(),
                manifest.imageWidth(), manifest.opset(), manifest.createdAt(), digests, manifest.metrics())
                .write(temp.resolve("model"));

        ModelRejectedException relisted = assertThrows(ModelRejectedException.class, () -> loader().load(release));
        assertThat(relisted.getMessage()).contains("attributesSha256").contains(pinned)
                .contains(AttributeContract.ATTRIBUTES_FILE);
    }

    @Test
    void aReleasePinningAnAttributeHeadThatModelJsonDoesNotListIsRejected() throws IOException {
        ModelManifest manifest = new TinyFaceModelWriter().write(temp.resolve("model"));
        ModelRelease release = ModelRelease.newBuilder(TestReleases.of(temp.resolve("model"), manifest))
                .setAttributesSha256("ab".repeat(32)).build();

        ModelRejectedException e = assertThrows(ModelRejectedException.class, () -> loader().load(release));

        assertThat(e.getMessage()).contains("attributesSha256").contains("no " + AttributeContract.ATTRIBUTES_FILE);
    }

    private ModelReleaseLoader loader() {
        return new ModelReleaseLoader(temp.resolve("cache"), InferenceOptions.cpu(1));
    }
}
