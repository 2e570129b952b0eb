package io.callface.trainer.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import io.callface.trainer.nn.Preset;
import io.callface.trainer.nn.Speech2FaceNetworks;
import io.callface.trainer.synth.CorpusClip;
import io.callface.trainer.synth.CorpusManifest;
import io.callface.trainer.synth.Split;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The face stage on a tiny corpus with renderings: it learns, and it learns identities across their views. */
class FaceStageTrainerTest {
    @TempDir
    Path tmp;

    @Test
    void lossFallsAndRenderingsAreRecognisedAsTheirIdentity() throws Exception {
        Path dir = TestCorpus.write(tmp, 6, 1, 1, 3);
        TestCorpus.writeRenderings(dir, 3, 4);
        CorpusManifest corpus = CorpusManifest.read(dir);
        Preset tiny = Preset.tiny();
        TrainingOptions options = TrainingOptions.defaults(tiny).withFaceEpochs(40).withFaceBatchSize(5).withSeed(3);
        List<IdentityImages> identities = trainingIdentities(corpus);
        try (Speech2FaceNetworks networks = seededNetworks(options, tiny, identities.size())) {
            List<Double> losses = trainFaceStage(networks, identities, options);

            assertThat(losses.get(losses.size() - 1)).as("face loss by epoch " + losses).isLessThan(losses.get(0) / 2);
            // Every rendering (a view the head was trained on, drawn at random) is named as its own identity.
            int correct = 0;
            int views = 0;
            for (int id = 0; id < identities.size(); id++) {
                for (int v = 1; v < identities.get(id).viewCount(); v++) {
                    correct += predictedIdentity(networks, identities.get(id), v) == id ? 1 : 0;
                    views++;
                }
            }
            assertThat(correct).as(correct + " of " + views + " renderings").isGreaterThanOrEqualTo(views * 3 / 4);
        }
    }

    @Test
    void theGradientDifferenceIsPartOfTheFirstStepsLossOnlyWhenWeighted() throws Exception {
        CorpusManifest corpus = threeRenderedIdentities();
        TrainingOptions options = oneStep();

        double weighted = firstEpochLoss(corpus, options.withGradientWeight(1));
        double unweighted = firstEpochLoss(corpus, options.withGradientWeight(0));

        assertThat(weighted).isGreaterThan(unweighted);
    }

    @Test
    void blurredViewsChangeWhatTheFirstStepLearnsFrom() throws Exception {
        CorpusManifest corpus = threeRenderedIdentities();
        TrainingOptions sharpViews = oneStep().withViewBlur(0);

        double sharp = firstEpochLoss(corpus, sharpViews);
        double blurred = firstEpochLoss(corpus, sharpViews.withViewBlur(1));

        assertThat(firstEpochLoss(corpus, sharpViews)).isEqualTo(sharp);
        assertThat(blurred).isNotEqualTo(sharp);
    }

    @Test
    void aViewIsBlurredToTheBlocksTheCriticJudges() {
        int size = 4;
        int imageFloats = 3 * size * size;
        float[] images = new float[2 * imageFloats];
        Random random = new Random(5);
        for (int i = 0; i < images.length; i++) {
            images[i] = random.nextFloat();
        }
        float[] first = Arrays.copyOf(images, imageFloats);
        float[] second = Arrays.copyOfRange(images, imageFloats, 2 * imageFloats);

        FaceStageTrainer.blurToBlockMeans(images, imageFloats, size);

        try (NDManager m = NDManager.newBaseManager()) {
            float[] critics = FaceStageTrainer.lowPass(m.create(second, new Shape(1, 3, size, size))).toFloatArray();
            assertThat(Arrays.copyOfRange(images, imageFloats, 2 * imageFloats))
                    .containsExactly(critics, within(1e-6f));
        }
        assertThat(Arrays.copyOf(images, imageFloats)).as("the image before the offset").isEqualTo(first);
    }

    /** Three training identities with two renderings each. */
    private CorpusManifest threeRenderedIdentities() throws Exception {
        Path dir = TestCorpus.write(tmp, 6, 1, 1, 3);
        TestCorpus.writeRenderings(dir, 3, 2);
        return CorpusManifest.read(dir);
    }

    /** One epoch of one step (3 identities, batch 5): the same initial networks judged by each objective. */
    private static TrainingOptions oneStep() {
        return TrainingOptions.defaults(Preset.tiny()).withFaceEpochs(1).withFaceBatchSize(5).withSeed(3);
    }

    private static double firstEpochLoss(CorpusManifest corpus, TrainingOptions options) {
        List<IdentityImages> identities = trainingIdentities(corpus);
        try (Speech2FaceNetworks networks = seededNetworks(options, Preset.tiny(), identities.size())) {
            return trainFaceStage(networks, identities, options).get(0);
        }
    }

    /** The training identities' images at 64 px, in corpus order. */
    private static List<IdentityImages> trainingIdentities(CorpusManifest corpus) {
        Map<String, IdentityImages> byId = new LinkedHashMap<>();
        for (CorpusClip clip : corpus.clips(Split.TRAIN)) {
            byId.computeIfAbsent(clip.identity(), id -> IdentityImages.load(clip, corpus.renderings(id), 64));
        }
        return new ArrayList<>(byId.values());
    }

    /** Networks initialised from {@code options}' seed, as the training pipeline initialises them. */
    private static Speech2FaceNetworks seededNetworks(TrainingOptions options, Preset preset, int classes) {
        TrainingPipeline.configureEngine(options);
        return new Speech2FaceNetworks(preset, classes);
    }

    /** Trains the face stage from its first epoch under {@code options}; the mean loss of each epoch. */
    private static List<Double> trainFaceStage(Speech2FaceNetworks networks, List<IdentityImages> identities,
            TrainingOptions options) {
        List<Double> losses = new ArrayList<>();
        FaceStageTrainer.train(networks, identities, options, ParameterUpdater.faceStage(networks.faceStage(), options,
                FaceStageTrainer.totalUpdates(identities.size(), options)), 1,
                new ProgressReporter(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                        System::nanoTime), epoch -> losses.add(epoch.meanLoss()));
        return losses;
    }

    @Test
    void theCriticJudgesImagesAveragedOverTwoByTwoBlocks() {
        try (NDManager m = NDManager.newBaseManager()) {
            // A checkerboard of 0 and 1, the pattern a decoder could use to move the critic's features.
            float[] checkers = new float[4 * 4];
            for (int i = 0; i < checkers.length; i++) {
                checkers[i] = (i / 4 + i % 4) % 2;
            }
            float[] ramp = {0, 2, 4, 6, 0, 2, 4, 6, 8, 10, 12, 14, 8, 10, 12, 14};

            float[] flat = FaceStageTrainer.lowPass(m.create(checkers, new Shape(1, 1, 4, 4))).toFloatArray();
            float[] blocks = FaceStageTrainer.lowPass(m.create(ramp, new Shape(1, 1, 4, 4))).toFloatArray();

            assertThat(flat).containsOnly(0.5f);
            assertThat(blocks).containsExactly(1, 1, 5, 5, 1, 1, 5, 5, 9, 9, 13, 13, 9, 9, 13, 13);
        }
    }

    @Test
    void theCriticIsAFrozenCopyOfTheFaceEncoderThatPassesGradientsToItsInput() {
        Preset tiny = Preset.tiny();
        try (Speech2FaceNetworks networks = new Speech2FaceNetworks(tiny, 3);
                NDManager m = networks.manager().newSubManager()) {
            ParameterStore store = new ParameterStore(m, false);
            NDArray image = m.randomUniform(0, 1, new Shape(2, 3, 64, 64));

            NDArray before = networks.faceCritic().forward(store, image, false);
            networks.refreshFaceCritic();
            NDArray critic = networks.faceCritic().forward(store, image, false);
            NDArray encoder = networks.faceEncoder().forward(store, image, false);

            // Two independently initialised networks differ until the critic is refreshed from the encoder.
            assertThat(before.sub(encoder).abs().max().getFloat()).isGreaterThan(1e-3f);
            assertThat(critic.sub(encoder).abs().max().getFloat()).isLessThan(1e-6f);
            assertThat(networks.faceCritic().trainableParameters()).isEmpty();
            image.setRequiresGradient(true);
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                collector.backward(networks.faceCritic().forward(store, image, false).sum());
            }
            assertThat(image.getGradient().abs().sum().getFloat()).isGreaterThan(0f);
        }
    }

    private static int predictedIdentity(Speech2FaceNetworks networks, IdentityImages identity, int view) {
        float[] image = new float[3 * 64 * 64];
        identity.copyView(view, image, 0);
        try (NDManager m = networks.manager().newSubManager()) {
            ParameterStore store = new ParameterStore(m, false);
            return (int) networks.identityHead().forward(store, networks.faceEncoder().forward(store,
                    m.create(image, new Shape(1, 3, 64, 64)), false), false).argMax(1).getLong();
        }
    }
}
