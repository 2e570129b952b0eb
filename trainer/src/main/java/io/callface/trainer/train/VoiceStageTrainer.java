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
import java.util.ArrayList;
import java.util.Arrays;
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
     * @param devices  every mini-batch is split over them; the first holds the networks
     */
    static void train(Speech2FaceNetworks networks, List<CorpusClip> clips, Map<String, float[]> features,
            DataLoading loading, TrainingOptions options, TrainingDevices devices, ParameterUpdater updater, int firstEpoch,
            ProgressReporter progress, Consumer<EpochRecord> epochEnd) {
        int perEpoch = MiniBatches.perEpoch(clips.size(), options.batchSize());
        progress.startStage(EpochRecord.VOICE, perEpoch * (firstEpoch - 1));
        VoiceAugmentation augmentation = new VoiceAugmentation(options.augmentation(), options.seed(), clips);
        boolean cleanPairs = options.invarianceWeight() > 0 && options.augmentation() > 0;
        try (VoiceBatches inputs = new VoiceBatches(clips, loading.cache(), augmentation, loading.workers(),
                cleanPairs)) {
            for (int epoch = firstEpoch; epoch <= options.voiceEpochs(); epoch++) {
                epochEnd.accept(epoch(networks, clips, features, inputs, options, devices, updater, epoch, progress));
            }
        }
    }

    private static EpochRecord epoch(Speech2FaceNetworks networks, List<CorpusClip> clips,
            Map<String, float[]> features, VoiceBatches inputs, TrainingOptions options, TrainingDevices devices,
            ParameterUpdater updater, int epoch, ProgressReporter progress) {
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
            float[] target = new float[b * d];
            for (int i = 0; i < b; i++) {
                System.arraycopy(features.get(clips.get(batch[i]).identity()), 0, target, i * d, d);
            }
            float loss;
            try (DataParallelStep parallel = new DataParallelStep(networks.manager(), devices, b)) {
                List<VoiceBatches.VoiceBatch> shardRows = new ArrayList<>();
                List<NDArray> cleanFeatures = new ArrayList<>();
                for (DataParallelStep.Shard shard : parallel.shards()) {
                    shardRows.add(voiceBatch.rows(shard.from(), shard.to()));
                    cleanFeatures.add(cleanFeatures(networks, shard, shardRows.get(shardRows.size() - 1), frames));
                }
                try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                    List<NDArray> objectives = new ArrayList<>();
                    List<NDArray> l1Terms = new ArrayList<>();
                    for (int k = 0; k < parallel.shards().size(); k++) {
                        DataParallelStep.Shard shard = parallel.shards().get(k);
                        Speech2FaceLoss.VoiceObjective objective = objective(networks, shard, shardRows.get(k),
                                cleanFeatures.get(k), Arrays.copyOfRange(target, shard.from() * d, shard.to() * d),
                                options, frames);
                        objectives.add(objective.objective());
                        l1Terms.add(objective.fDecL1());
                    }
                    NDArray minimised = parallel.combine(objectives);
                    collector.backward(minimised);
                    loss = minimised.getFloat();
                    // Read after the backward pass, so no device waits for the host between the shards.
                    for (int k = 0; k < l1Terms.size(); k++) {
                        l1Sum += l1Terms.get(k).getFloat() * parallel.shards().get(k).share();
                    }
                }
                parallel.gatherGradients();
                updater.step();
            }
            lossSum += loss;
            progress.step(epoch, options.voiceEpochs(), ++step, total, loss);
        }
        return new EpochRecord(EpochRecord.VOICE, epoch, perEpoch, clips.size(), (System.nanoTime() - start) / 1e9,
                lossSum / perEpoch, l1Sum / perEpoch);
    }

    /**
     * The voice stage's objective on one device's shard of the batch: the paper's loss, plus the invariance term for
     * its clips heard through a call when {@code clean} has their clean features.
     */
    private static Speech2FaceLoss.VoiceObjective objective(Speech2FaceNetworks networks, DataParallelStep.Shard shard,
            VoiceBatches.VoiceBatch rows, NDArray clean, float[] target, TrainingOptions options, int frames) {
        NDManager m = shard.manager();
        ParameterStore store = shard.parameters();
        int b = shard.size();
        NDArray x = m.create(FloatBuffer.wrap(rows.heard()), new Shape(b, ModelContract.SPECTROGRAM_CHANNELS, frames,
                ModelContract.SPECTROGRAM_BINS));
        NDArray vf = m.create(target, new Shape(b, networks.preset().featureDim()));
        NDArray vs = networks.voiceEncoder().forward(store, x, true);
        Speech2FaceLoss.VoiceObjective objective = Speech2FaceLoss.voiceStage(store, networks, vs, vf, options);
        if (clean == null) {
            return objective;
        }
        NDArray heard = vs.get(m.create(rows.augmentedRows()));
        NDArray minimised = objective.objective().add(Speech2FaceLoss.invariance(store, networks, heard, clean, b, options)
                .mul(options.invarianceWeight()));
        return new Speech2FaceLoss.VoiceObjective(minimised, objective.fDecL1());
    }

    /**
     * The speech features of a shard's augmented clips heard clean, computed before the gradient is recorded and
     * detached, so the invariance term moves only the heard features; null when the shard has no clean pairs.
     */
    private static NDArray cleanFeatures(Speech2FaceNetworks networks, DataParallelStep.Shard shard,
            VoiceBatches.VoiceBatch rows, int frames) {
        int pairs = rows.cleanOfAugmented().length / SpectrogramCache.sixSecondSize();
        if (pairs == 0) {
            return null;
        }
        NDArray x = shard.manager().create(FloatBuffer.wrap(rows.cleanOfAugmented()), new Shape(pairs,
                ModelContract.SPECTROGRAM_CHANNELS, frames, ModelContract.SPECTROGRAM_BINS));
        return networks.voiceEncoder().forward(shard.parameters(), x, true).stopGradient();
    }
}
