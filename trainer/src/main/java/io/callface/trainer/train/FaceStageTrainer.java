package io.callface.trainer.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import io.callface.stream.model.ModelContract;
import io.callface.trainer.nn.Speech2FaceNetworks;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

/**
 * Stage one: trains the face encoder, its identity head and the face decoder on the training identities'
 * faces (one face per identity, jittered in brightness and noise so the encoder sees variation).
 */
final class FaceStageTrainer {
    private static final float BRIGHTNESS_JITTER = 0.15f;
    private static final float NOISE_SIGMA = 0.03f;

    private FaceStageTrainer() {
    }

    /**
     * Runs epochs {@code firstEpoch..options.faceEpochs()}; {@code faces.get(i)} is identity class {@code i}.
     * {@code epochEnd} sees each finished epoch (the pipeline logs and checkpoints there).
     */
    static void train(Speech2FaceNetworks networks, List<FaceSample> faces, TrainingOptions options,
            ParameterUpdater updater, int firstEpoch, ProgressReporter progress, Consumer<EpochRecord> epochEnd) {
        int size = networks.preset().imageSize();
        int imageFloats = ModelContract.IMAGE_CHANNELS * size * size;
        int landmarkFloats = 2 * ModelContract.LANDMARK_COUNT;
        int classes = faces.size();
        int perEpoch = MiniBatches.perEpoch(classes, options.faceBatchSize());
        int total = perEpoch * options.faceEpochs();
        int step = perEpoch * (firstEpoch - 1);
        progress.startStage(EpochRecord.FACE, step);
        for (int epoch = firstEpoch; epoch <= options.faceEpochs(); epoch++) {
            Random random = MiniBatches.epochRandom(options.seed(), EpochRecord.FACE, epoch);
            long start = System.nanoTime();
            double lossSum = 0;
            for (int[] batch : MiniBatches.shuffled(classes, options.faceBatchSize(), random)) {
                int b = batch.length;
                float[] clean = new float[b * imageFloats];
                float[] landmarks = new float[b * landmarkFloats];
                for (int i = 0; i < b; i++) {
                    faces.get(batch[i]).copyImage(clean, i * imageFloats);
                    faces.get(batch[i]).copyLandmarks(landmarks, i * landmarkFloats);
                }
                float[] jittered = jitter(clean, imageFloats, random);
                float loss;
                try (NDManager m = networks.manager().newSubManager()) {
                    Shape imageShape = new Shape(b, ModelContract.IMAGE_CHANNELS, size, size);
                    NDArray input = m.create(jittered, imageShape);
                    NDArray imageTarget = m.create(clean, imageShape);
                    NDArray landmarkTarget = m.create(landmarks, new Shape(b, ModelContract.LANDMARK_COUNT, 2));
                    NDArray labels = m.create(batch).oneHot(classes).toType(DataType.FLOAT32, false);
                    ParameterStore store = new ParameterStore(m, false);
                    try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                        NDArray feature = networks.faceEncoder().forward(store, input, true);
                        NDArray logits = networks.identityHead().forward(store, feature, true);
                        NDArray hidden = networks.decoderFDec().forward(store, feature, true);
                        NDArray image = networks.decoderImage().forward(store, hidden, true);
                        NDArray marks = networks.decoderLandmarks().forward(store, hidden, true);
                        NDArray objective = Speech2FaceLoss.faceStage(logits, labels, image, imageTarget, marks,
                                landmarkTarget);
                        collector.backward(objective);
                        loss = objective.getFloat();
                    }
                    updater.step();
                }
                lossSum += loss;
                progress.step(epoch, options.faceEpochs(), ++step, total, loss);
            }
            epochEnd.accept(new EpochRecord(EpochRecord.FACE, epoch, perEpoch, classes,
                    (System.nanoTime() - start) / 1e9, lossSum / perEpoch, Double.NaN));
        }
    }

    private static float[] jitter(float[] clean, int imageFloats, Random random) {
        float[] out = new float[clean.length];
        for (int start = 0; start < clean.length; start += imageFloats) {
            float gain = 1 + (random.nextFloat() * 2 - 1) * BRIGHTNESS_JITTER;
            for (int i = start; i < start + imageFloats; i++) {
                float v = clean[i] * gain + (float) random.nextGaussian() * NOISE_SIGMA;
                out[i] = Math.min(1f, Math.max(0f, v));
            }
        }
        return out;
    }
}
