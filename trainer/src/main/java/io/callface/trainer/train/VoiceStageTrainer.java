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
            SpectrogramCache spectrograms, TrainingOptions options, ParameterUpdater updater, int firstEpoch,
            ProgressReporter progress, Consumer<EpochRecord> epochEnd) {
        int frames = Speech2FaceNetworks.SIX_SECOND_FRAMES;
        int spectrogramFloats = SpectrogramCache.sixSecondSize();
        int d = networks.preset().featureDim();
        int perEpoch = MiniBatches.perEpoch(clips.size(), options.batchSize());
        int total = perEpoch * options.voiceEpochs();
        int step = perEpoch * (firstEpoch - 1);
        progress.startStage(EpochRecord.VOICE, step);
        VoiceAugmentation augmentation = new VoiceAugmentation(options.augmentation(), options.seed(), clips);
        for (int epoch = firstEpoch; epoch <= options.voiceEpochs(); epoch++) {
            Random random = MiniBatches.epochRandom(options.seed(), EpochRecord.VOICE, epoch);
            long start = System.nanoTime();
            double lossSum = 0;
            double l1Sum = 0;
            for (int[] batch : MiniBatches.shuffled(clips.size(), options.batchSize(), random)) {
                int b = batch.length;
                FloatBuffer input = FloatBuffer.allocate(b * spectrogramFloats);
                float[] target = new float[b * d];
                for (int i = 0; i < b; i++) {
                    int index = batch[i];
                    CorpusClip clip = clips.get(index);
                    input.put(augmentation.augments(epoch, index)
                            ? spectrograms.sixSecondsOf(augmentation.apply(epoch, index, WavFile.readMono16k(clip.audio())))
                            : spectrograms.sixSeconds(clip.audio()));
                    System.arraycopy(features.get(clip.identity()), 0, target, i * d, d);
                }
                input.flip();
                float loss;
                try (NDManager m = networks.manager().newSubManager()) {
                    NDArray x = m.create(input, new Shape(b, ModelContract.SPECTROGRAM_CHANNELS, frames,
                            ModelContract.SPECTROGRAM_BINS));
                    NDArray vf = m.create(target, new Shape(b, d));
                    ParameterStore store = new ParameterStore(m, false);
                    try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                        NDArray vs = networks.voiceEncoder().forward(store, x, true);
                        Speech2FaceLoss.VoiceObjective objective = Speech2FaceLoss.voiceStage(store, networks, vs, vf,
                                options);
                        collector.backward(objective.objective());
                        loss = objective.objective().getFloat();
                        l1Sum += objective.fDecL1().getFloat();
                    }
                    updater.step();
                }
                lossSum += loss;
                progress.step(epoch, options.voiceEpochs(), ++step, total, loss);
            }
            epochEnd.accept(new EpochRecord(EpochRecord.VOICE, epoch, perEpoch, clips.size(),
                    (System.nanoTime() - start) / 1e9, lossSum / perEpoch, l1Sum / perEpoch));
        }
    }
}
