package io.callface.trainer.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import io.callface.model.ModelContract;
import io.callface.trainer.nn.Speech2FaceNetworks;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.Consumer;

/**
 * Stage one: trains the face encoder, its identity head and the face decoder on the training identities.
 * In every mini-batch each identity shows the encoder one of its views, drawn at random (the canonical face or
 * one of its renderings), and the identity head must name it: identity classification over several images
 * per identity, as VGG-Face was trained, so the feature comes to ignore pose and light rather than memorise
 * one image. The decoder must draw the identity's canonical face and landmarks from that feature, whichever
 * view it came from (Cole et al.'s normalisation), and so that the face critic, a copy of the encoder refreshed
 * every epoch, sees in the drawn face the feature it sees in the canonical one (Cole et al.'s feature loss), and so
 * that its edges are the canonical face's (Mathieu et al.'s gradient-difference loss). An
 * identity with no renderings shows its canonical face jittered in brightness and noise instead. A share of the views
 * ({@link TrainingOptions#viewBlur()}) is blurred first, so that identity is learnt from what the decoder can draw.
 */
final class FaceStageTrainer {
    private static final float BRIGHTNESS_JITTER = 0.15f;
    private static final float NOISE_SIGMA = 0.03f;

    private FaceStageTrainer() {
    }

    /** Updates of the whole face stage over {@code classes} identities (the length of its learning-rate schedule). */
    static int totalUpdates(int classes, TrainingOptions options) {
        return MiniBatches.perEpoch(classes, options.faceBatchSize()) * options.faceEpochs();
    }

    /**
     * Runs epochs {@code firstEpoch..options.faceEpochs()}; {@code identities.get(i)} is identity class {@code i}, and
     * an epoch shows every identity once.
     * {@code epochEnd} sees each finished epoch (the pipeline logs and checkpoints there).
     */
    static void train(Speech2FaceNetworks networks, List<IdentityImages> identities, TrainingOptions options,
            ParameterUpdater updater, int firstEpoch, ProgressReporter progress, Consumer<EpochRecord> epochEnd) {
        train(networks, identities, Optional.empty(), options, TrainingDevices.CPU, updater, firstEpoch, progress,
                epochEnd);
    }

    /**
     * As above; with {@code pretrained} features (a pretrained face network, frozen), the views' features come from
     * them instead of the face encoder, and only the identity head and the decoder learn; every mini-batch is split
     * over {@code devices}, the first of which holds the networks.
     */
    static void train(Speech2FaceNetworks networks, List<IdentityImages> identities,
            Optional<PretrainedFeatures> pretrained, TrainingOptions options, TrainingDevices devices,
            ParameterUpdater updater, int firstEpoch, ProgressReporter progress, Consumer<EpochRecord> epochEnd) {
        int size = networks.preset().imageSize();
        int imageFloats = ModelContract.IMAGE_CHANNELS * size * size;
        int landmarkFloats = 2 * ModelContract.LANDMARK_COUNT;
        int classes = identities.size();
        int perEpoch = MiniBatches.perEpoch(classes, options.faceBatchSize());
        int total = totalUpdates(classes, options);
        int step = perEpoch * (firstEpoch - 1);
        progress.startStage(EpochRecord.FACE, step);
        for (int epoch = firstEpoch; epoch <= options.faceEpochs(); epoch++) {
            Random random = MiniBatches.epochRandom(options.seed(), EpochRecord.FACE, epoch);
            if (options.featureWeight() > 0) {
                // Refreshed per epoch, so a run resumed at an epoch boundary judges exactly as an uninterrupted one.
                networks.refreshFaceCritic();
            }
            long start = System.nanoTime();
            double lossSum = 0;
            for (int[] batch : MiniBatches.shuffled(classes, options.faceBatchSize(), random)) {
                FaceBatch rows = assemble(identities, batch, size, imageFloats, landmarkFloats,
                        options.viewBlur(), random);
                float loss;
                try (DataParallelStep parallel = new DataParallelStep(networks.manager(), devices, batch.length)) {
                    try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                        List<NDArray> objectives = new ArrayList<>();
                        for (DataParallelStep.Shard shard : parallel.shards()) {
                            objectives.add(objective(networks, pretrained, options, shard,
                                    rows.rows(shard.from(), shard.to()), classes, size));
                        }
                        NDArray objective = parallel.combine(objectives);
                        collector.backward(objective);
                        loss = objective.getFloat();
                    }
                    parallel.gatherGradients();
                    updater.step();
                }
                if (!Float.isFinite(loss)) {
                    // Fail at the step, not epochs later in the checkpoint's or log's validation.
                    throw new IllegalStateException("face stage: loss " + loss + " at step " + (step + 1)
                            + "; the networks' parameters are no longer finite");
                }
                lossSum += loss;
                progress.step(epoch, options.faceEpochs(), ++step, total, loss);
            }
            epochEnd.accept(new EpochRecord(EpochRecord.FACE, epoch, perEpoch, classes,
                    (System.nanoTime() - start) / 1e9, lossSum / perEpoch, Double.NaN));
        }
    }

    /**
     * The batch's rows: each identity's canonical face and landmarks, and the view its encoder sees (one of its
     * renderings at random, or its canonical face jittered when it has none), blurred with probability
     * {@code viewBlur}.
     */
    private static FaceBatch assemble(List<IdentityImages> identities, int[] batch, int size, int imageFloats,
            int landmarkFloats, float viewBlur, Random random) {
        int b = batch.length;
        float[] views = new float[b * imageFloats];
        float[] canonical = new float[b * imageFloats];
        float[] landmarks = new float[b * landmarkFloats];
        boolean[] known = new boolean[b];
        int[] shown = new int[b];
        for (int i = 0; i < b; i++) {
            IdentityImages identity = identities.get(batch[i]);
            identity.canonical().copyImage(canonical, i * imageFloats);
            known[i] = identity.canonical().copyLandmarks(landmarks, i * landmarkFloats);
            if (identity.viewCount() == 1) {
                jitter(canonical, views, i * imageFloats, imageFloats, random);
            } else {
                shown[i] = random.nextInt(identity.viewCount());
                identity.copyView(shown[i], views, i * imageFloats);
            }
            // Drawn only when blurring is on, so a run without it keeps the random stream it always had.
            if (viewBlur > 0 && random.nextFloat() >= 1 - viewBlur) {
                blurToBlockMeans(views, i * imageFloats, size);
            }
        }
        return new FaceBatch(batch, shown, views, canonical, landmarks, known);
    }

    /** The face stage's objective on one device's shard of the batch. */
    private static NDArray objective(Speech2FaceNetworks networks, Optional<PretrainedFeatures> pretrained,
            TrainingOptions options, DataParallelStep.Shard shard, FaceBatch rows, int classes, int size) {
        NDManager m = shard.manager();
        ParameterStore store = shard.parameters();
        int b = rows.size();
        Shape imageShape = new Shape(b, ModelContract.IMAGE_CHANNELS, size, size);
        NDArray input = m.create(rows.views(), imageShape);
        NDArray imageTarget = m.create(rows.canonical(), imageShape);
        NDArray landmarkTarget = m.create(rows.landmarks(), new Shape(b, ModelContract.LANDMARK_COUNT, 2));
        NDArray labels = m.create(rows.classes()).oneHot(classes).toType(DataType.FLOAT32, false);
        NDArray feature = pretrained.isPresent()
                ? m.create(pretrained.get().batch(rows.classes(), rows.shown()), new Shape(b, pretrained.get().dimension()))
                : networks.faceEncoder().forward(store, input, true);
        NDArray logits = networks.identityHead().forward(store, feature, true);
        NDArray hidden = networks.decoderFDec().forward(store, feature, true);
        NDArray image = networks.decoderImage().forward(store, hidden, true);
        NDArray marks = networks.decoderLandmarks().forward(store, hidden, true);
        NDArray objective = Speech2FaceLoss.faceStage(logits, labels, image, imageTarget, marks, landmarkTarget,
                rows.known());
        if (options.gradientWeight() > 0) {
            objective = objective.add(
                    Speech2FaceLoss.gradientDifference(image, imageTarget).mul(options.gradientWeight()));
        }
        if (options.featureWeight() > 0) {
            NDArray judged = networks.faceCritic().forward(store, lowPass(image), false);
            NDArray reference = networks.faceCritic().forward(store, lowPass(imageTarget), false);
            objective = objective.add(Speech2FaceLoss.featureDistance(judged, reference).mul(options.featureWeight()));
        }
        return objective;
    }

    /**
     * The image averaged over 2 x 2 blocks and scaled back up: what the critic judges. Without it the decoder learns
     * to meet the feature loss with high-frequency patterns that move the critic's features but are no face (a
     * 20-epoch run drew checkered noise), since the critic was never trained on such images.
     */
    static NDArray lowPass(NDArray image) {
        NDArray pooled = Pool.avgPool2d(image, new Shape(2, 2), new Shape(2, 2), new Shape(0, 0), false, true);
        return pooled.repeat(2, 2).repeat(3, 2);
    }

    /**
     * Replaces each 2 x 2 block of the {@code [3, size, size]} image at {@code offset} by its mean: {@link #lowPass} on
     * one image. The encoder shown views blurred so learns identity from what survives that blur, which is what the
     * decoder can draw: a face stage whose encoder had keyed on finer detail kept identity at R@1 66.5 % against 90.5 %
     * for one that had not, and its own true faces, so blurred, found themselves at 88.5 % against 98 % (BENCHMARKS.md).
     */
    static void blurToBlockMeans(float[] images, int offset, int size) {
        int plane = size * size;
        for (int c = 0; c < ModelContract.IMAGE_CHANNELS; c++) {
            for (int y = 0; y < size; y += 2) {
                for (int x = 0; x < size; x += 2) {
                    int o = offset + c * plane + y * size + x;
                    float mean = (images[o] + images[o + 1] + images[o + size] + images[o + size + 1]) / 4;
                    images[o] = mean;
                    images[o + 1] = mean;
                    images[o + size] = mean;
                    images[o + size + 1] = mean;
                }
            }
        }
    }

    /** Writes {@code source}'s image at {@code start} into {@code dest}, scaled by a random gain, plus noise. */
    private static void jitter(float[] source, float[] dest, int start, int imageFloats, Random random) {
        float gain = 1 + (random.nextFloat() * 2 - 1) * BRIGHTNESS_JITTER;
        for (int i = start; i < start + imageFloats; i++) {
            float v = source[i] * gain + (float) random.nextGaussian() * NOISE_SIGMA;
            dest[i] = Math.min(1f, Math.max(0f, v));
        }
    }
}
