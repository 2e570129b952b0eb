package io.callface.stream.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.callface.model.AttributeContract;
import io.callface.model.ModelManifest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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

    private ModelReleaseLoader loader() {
        return new ModelReleaseLoader(temp.resolve("cache"), InferenceOptions.cpu(1));
    }
}
