package io.callface.trainer.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import io.callface.model.ModelContract;
import io.callface.trainer.nn.Speech2FaceNetworks;
import io.callface.trainer.synth.CorpusClip;
import java.nio.FloatBuffer;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;

/** Stage two: trains the voice encoder so {@code v_s} of a clip matches {@code v_f} of its speaker's face. */
final class VoiceStageTrainer {
    private VoiceStageTrainer() {
    }

    /**
     * Runs epochs {@code firstEpoch..options.voiceEpochs()}; {@code epochEnd} sees each finished epoch.
     *
     * @param clips    training clips
     * @param features {@code v_f} per identity from the frozen face encoder
     */
    static void train(Speech2FaceNetworks networks, List<CorpusClip> clips, Map<String, float[]> features,
            DataLoading loading, TrainingOptions options, ParameterUpdater updater, int firstEpoch,
            ProgressReporter progress, Consumer<EpochRecord> epochEnd) {
        int perEpoch = MiniBatches.perEpoch(clips.size(), options.batchSize());
        progress.startStage(EpochRecord.VOICE, perEpoch * (firstEpoch - 1));
        VoiceAugmentation augmentation = new VoiceAugmentation(options.augmentation(), options.seed(), clips);
        boolean cleanPairs = options.invarianceWeight() > 0 && options.augmentation() > 0;
        try (VoiceBatches inputs = new VoiceBatches(clips, loading.cache(), augmentation, loading.workers(),
                cleanPairs)) {
            for (int epoch = firstEpoch; epoch <= options.voiceEpochs(); epoch++) {
                epochEnd.accept(epoch(networks, clips, features, inputs, options, updater, epoch, progress));
            }
        }
    }

    private static EpochRecord epoch(Speech2FaceNetworks networks, List<CorpusClip> clips,
            Map<String, float[]> features, VoiceBatches inputs, TrainingOptions options, ParameterUpdater updater,
            int epoch, ProgressReporter progress) {
        int frames = Speech2FaceNetworks.SIX_SECOND_FRAMES;
        int d = networks.preset().featureDim();
        int perEpoch = MiniBatches.perEpoch(clips.size(), options.batchSize());
        int total = perEpoch * options.voiceEpochs();
        int step = perEpoch * (epoch - 1);
        Random random = MiniBatches.epochRandom(options.seed(), EpochRecord.VOICE, epoch);
        long start = System.nanoTime();
        double lossSum = 0;
        double l1Sum = 0;
        List<int[]> batches = MiniBatches.shuffled(clips.size(), options.batchSize(), random);
        Iterator<VoiceBatches.VoiceBatch> batchInputs = inputs.of(epoch, batches);
        for (int[] batch : batches) {
            int b = batch.length;
            VoiceBatches.VoiceBatch voiceBatch = batchInputs.next();
            FloatBuffer input = FloatBuffer.wrap(voiceBatch.heard());
            float[] target = new float[b * d];
            for (int i = 0; i < b; i++) {
                System.arraycopy(features.get(clips.get(batch[i]).identity()), 0, target, i * d, d);
            }
            float loss;
            try (NDManager m = networks.manager().newSubManager()) {
                NDArray x = m.create(input, new Shape(b, ModelContract.SPECTROGRAM_CHANNELS, frames,
                        ModelContract.SPECTROGRAM_BINS));
                NDArray vf = m.create(target, new Shape(b, d));
                ParameterStore store = new ParameterStore(m, false);
                NDArray clean = cleanFeatures(networks, store, m, voiceBatch, frames);
                try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                    NDArray vs = networks.voiceEncoder().forward(store, x, true);
                    Speech2FaceLoss.VoiceObjective objective = Speech2FaceLoss.voiceStage(store, networks, vs, vf,
                            options);
                    NDArray minimised = objective.objective();
                    if (clean != null) {
                        NDArray heard = vs.get(m.create(voiceBatch.augmentedRows()));
                        minimised = minimised.add(Speech2FaceLoss.invariance(store, networks, heard, clean, b, options)
                                .mul(options.invarianceWeight()));
                    }
                    collector.backward(minimised);
                    loss = minimised.getFloat();
                    l1Sum += objective.fDecL1().getFloat();
                }
                updater.step();
            }
            lossSum += loss;
            progress.step(epoch, options.voiceEpochs(), ++step, total, loss);
        }
        return new EpochRecord(EpochRecord.VOICE, epoch, perEpoch, clips.size(), (System.nanoTime() - start) / 1e9,
                lossSum / perEpoch, l1Sum / perEpoch);
    }

    /**
     * The speech features of the batch's augmented clips heard clean, computed before the gradient is recorded and
     * detached, so the invariance term moves only the heard features; null when the batch has no clean pairs.
     */
    private static NDArray cleanFeatures(Speech2FaceNetworks networks, ParameterStore store, NDManager m,
            VoiceBatches.VoiceBatch voiceBatch, int frames) {
        int pairs = voiceBatch.cleanOfAugmented().length / SpectrogramCache.sixSecondSize();
        if (pairs == 0) {
            return null;
        }
        NDArray x = m.create(FloatBuffer.wrap(voiceBatch.cleanOfAugmented()), new Shape(pairs,
                ModelContract.SPECTROGRAM_CHANNELS, frames, ModelContract.SPECTROGRAM_BINS));
        return networks.voiceEncoder().forward(store, x, true).stopGradient();
    }
}
