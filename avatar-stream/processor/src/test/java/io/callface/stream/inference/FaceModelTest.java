package io.callface.stream.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.onnxruntime.OrtProvider;
import io.callface.model.ModelContract;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FaceModelTest {
    /** float32 sums over 2 x frames x 257 values against a double reference. */
    private static final float FEATURE_TOLERANCE = 1e-4f;
    /** float32 Gemm and activations against a double reference; the age and ITA are tens of units. */
    private static final float ATTRIBUTE_TOLERANCE = 1e-4f;
    private static final int FRAMES = 5;
    private static final int HEIGHT = 8;
    private static final int WIDTH = 10;

    @TempDir
    static Path dir;
    private static TinyFaceModelWriter writer;
    private static FaceModel model;

    @BeforeAll
    static void load() throws IOException {
        writer = new TinyFaceModelWriter().featureDim(6).imageSize(HEIGHT, WIDTH);
        writer.write(dir);
        model = FaceModel.load(dir, InferenceOptions.cpu(1));
    }

    @AfterAll
    static void close() {
        model.close();
    }

    @Test
    void encodesEachSpectrogramToTheFeatureOfTheReferenceComputation() {
        List<float[]> spectrograms = randomSpectrograms(3, FRAMES, 11);

        float[][] features = model.encode(spectrograms, FRAMES);

        assertThat(features).hasDimensions(3, 6);
        for (int i = 0; i < 3; i++) {
            float[] expected = writer.expectedFeature(spectrograms.get(i), FRAMES);
            for (int d = 0; d < 6; d++) {
                assertThat(features[i][d]).as("item %d, d %d", i, d).isCloseTo(expected[d], within(FEATURE_TOLERANCE));
            }
        }
    }

    @Test
    void encodesAnyNumberOfFrames() {
        assertThat(model.encode(randomSpectrograms(2, 1, 3), 1)).hasDimensions(2, 6);
        assertThat(model.encode(randomSpectrograms(1, 40, 4), 40)).hasDimensions(1, 6);
    }

    @Test
    void decodesImagesAndLandmarksOfTheContractShapeInsideTheUnitRange() {
        float[][] features = model.encode(randomSpectrograms(2, FRAMES, 5), FRAMES);

        List<DecodedFace> faces = model.decode(features);

        assertThat(faces).hasSize(2);
        for (DecodedFace face : faces) {
            assertThat(face.height()).isEqualTo(HEIGHT);
            assertThat(face.width()).isEqualTo(WIDTH);
            assertThat(face.imageChw()).hasSize(ModelContract.IMAGE_CHANNELS * HEIGHT * WIDTH);
            assertThat(face.landmarks()).hasSize(ModelContract.LANDMARK_COUNT * 2);
            assertInsideUnitRange(face.imageChw());
            assertInsideUnitRange(face.landmarks());
        }
        assertThat(faces.get(0)).isNotEqualTo(faces.get(1));
    }

    @Test
    void aBatchOfNGivesTheSameResultsAsNSingleCalls() {
        List<float[]> spectrograms = randomSpectrograms(4, FRAMES, 21);

        float[][] batched = model.encode(spectrograms, FRAMES);
        List<DecodedFace> batchedFaces = model.decode(batched);

        for (int i = 0; i < spectrograms.size(); i++) {
            float[][] single = model.encode(List.of(spectrograms.get(i)), FRAMES);
            assertThat(single[0]).containsExactly(batched[i], within(1e-6f));
            DecodedFace face = model.decode(single).get(0);
            assertThat(face.imageChw()).containsExactly(batchedFaces.get(i).imageChw(), within(1e-6f));
            assertThat(face.landmarks()).containsExactly(batchedFaces.get(i).landmarks(), within(1e-6f));
        }
    }

    @Test
    void reusesItsInputBufferAcrossShrinkingAndGrowingBatches() {
        List<float[]> large = randomSpectrograms(5, FRAMES, 31);
        float[][] first = model.encode(large, FRAMES);
        model.encode(large.subList(0, 1), FRAMES);

        assertThat(model.encode(large, FRAMES)).isDeepEqualTo(first);
    }

    @Test
    void rejectsSpectrogramsOfTheWrongLengthNamingTheItem() {
        List<float[]> spectrograms = new ArrayList<>(randomSpectrograms(2, FRAMES, 1));
        spectrograms.add(new float[7]);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> model.encode(spectrograms, FRAMES));

        assertThat(e.getMessage()).contains("spectrograms[2]").contains("7").contains("2570");
    }

    @Test
    void rejectsAnEmptyBatchAndFeaturesOfTheWrongLength() {
        assertThrows(IllegalArgumentException.class, () -> model.encode(List.of(), FRAMES));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> model.decode(new float[][] {new float[6], new float[5]}));
        assertThat(e.getMessage()).contains("features[1]").contains("5").contains("6");
    }

    @Test
    void aModelWithoutAttributeHeadSaysSoAndRefusesToPredictAttributes() {
        assertThat(model.hasAttributes()).isFalse();

        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> model.attributes(new float[][] {new float[6]}));
        assertThat(e.getMessage()).contains("no attribute head");
    }

    @Test
    void theAttributeHeadGivesTheReferenceComputationsAttributesForEachFeature() throws IOException {
        TinyFaceModelWriter withHead = new TinyFaceModelWriter().featureDim(6).withAttributes();
        withHead.write(dir.resolve("with-attributes"));
        try (FaceModel own = FaceModel.load(dir.resolve("with-attributes"), InferenceOptions.cpu(1))) {
            float[][] features = own.encode(randomSpectrograms(3, FRAMES, 41), FRAMES);

            List<PredictedAttributes> attributes = own.attributes(features);

            assertThat(attributes).hasSize(3);
            for (int i = 0; i < 3; i++) {
                AttributeAssertions.assertAttributesClose(attributes.get(i), withHead.expectedAttributes(features[i]),
                        ATTRIBUTE_TOLERANCE);
            }
            assertThat(attributes.get(0)).isNotEqualTo(attributes.get(1));
            own.warmUp(2, FRAMES);
        }
    }

    @Test
    void aClosedModelRefusesAttributes() throws IOException {
        new TinyFaceModelWriter().featureDim(6).withAttributes().write(dir.resolve("closed-with-attributes"));
        FaceModel own = FaceModel.load(dir.resolve("closed-with-attributes"), InferenceOptions.cpu(1));
        own.close();

        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> own.attributes(new float[][] {new float[6]}));
        assertThat(e.getMessage()).contains("closed");
    }

    @Test
    void isServedByCpuWhenCpuIsRequested() {
        assertThat(model.provider()).isEqualTo(OrtProvider.CPU);
    }

    @Test
    void warmsUpEveryBatchSize() {
        model.warmUp(3, FRAMES);

        assertThat(model.encode(randomSpectrograms(3, FRAMES, 2), FRAMES)).hasDimensions(3, 6);
    }

    @Test
    void closeIsIdempotentAndLaterCallsFailClearly() throws IOException {
        FaceModel own = FaceModel.load(dir, InferenceOptions.cpu(1));
        own.close();
        own.close();

        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> own.encode(randomSpectrograms(1, FRAMES, 1), FRAMES));
        assertThat(e.getMessage()).contains("closed");
    }

    private static List<float[]> randomSpectrograms(int count, int frames, long seed) {
        Random random = new Random(seed);
        List<float[]> spectrograms = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int perChannel = frames * ModelContract.SPECTROGRAM_BINS;
            float[] spectrogram = new float[2 * perChannel];
            // A different mean per item and channel, so features differ by more than the encoder bias.
            double[] channelMeans = {random.nextDouble() * 4 - 2, random.nextDouble() * 4 - 2};
            for (int j = 0; j < spectrogram.length; j++) {
                spectrogram[j] = (float) (channelMeans[j / perChannel] + random.nextGaussian());
            }
            spectrograms.add(spectrogram);
        }
        return spectrograms;
    }

    private static void assertInsideUnitRange(float[] values) {
        for (float value : values) {
            assertThat(value).isBetween(0f, 1f);
        }
    }
}
