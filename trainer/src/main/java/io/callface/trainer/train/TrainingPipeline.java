package io.callface.trainer.train;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;
import io.callface.trainer.nn.Preset;
import io.callface.trainer.nn.Speech2FaceNetworks;
import io.callface.trainer.onnx.ModelDirectory;
import io.callface.trainer.onnx.OnnxExporter;
import io.callface.trainer.synth.CorpusClip;
import io.callface.trainer.synth.CorpusFormatException;
import io.callface.trainer.synth.CorpusManifest;
import io.callface.trainer.synth.Split;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Trains Speech2Face end to end on a corpus and exports a model directory: face stage (face encoder,
 * identity head, decoder), freeze, voice stage (voice encoder against the paper's loss), ONNX export.
 * Runs on DJL's PyTorch engine on the CPU, offline.
 */
public final class TrainingPipeline {
    private static final String ENGINE = "PyTorch";

    private final ProgressReporter progress;

    public TrainingPipeline(ProgressReporter progress) {
        this.progress = progress;
    }

    /**
     * Trains on the train split of {@code corpus} with {@code preset} and writes the model directory
     * {@code out}; throws {@link CorpusFormatException} when that split has fewer than 2 identities.
     */
    public ModelDirectory train(CorpusManifest corpus, Preset preset, Path out, TrainingOptions options) {
        List<CorpusClip> trainClips = corpus.clips(Split.TRAIN);
        List<String> identities = corpus.identityIds(Split.TRAIN);
        if (identities.size() < 2) {
            throw new CorpusFormatException("corpus " + corpus.dir() + ": the train split needs at least 2 identities, got "
                    + identities.size());
        }
        Map<String, FaceSample> faces = new LinkedHashMap<>();
        for (CorpusClip e : trainClips) {
            faces.computeIfAbsent(e.identity(), id -> FaceSample.load(e, preset.imageSize()));
        }
        configureEngine(options);
        try (Speech2FaceNetworks networks = new Speech2FaceNetworks(preset, identities.size())) {
            List<FaceSample> classes = identities.stream().map(faces::get).toList();
            FaceStageTrainer.train(networks, classes, options, progress);
            networks.faceStage().forEach(io.callface.trainer.nn.Network::freeze);
            Map<String, float[]> features = FaceFeatures.compute(networks, classes);
            VoiceStageTrainer.train(networks, trainClips, features, new SpectrogramCache(), options, progress);
            return new OnnxExporter(options.version()).export(networks, out);
        }
    }

    /** Seeds PyTorch (so initialisation repeats) and sets its CPU thread count. */
    static void configureEngine(TrainingOptions options) {
        Engine engine = Engine.getEngine(ENGINE);
        engine.setRandomSeed((int) options.seed());
        JniUtils.setNumThreads(options.threads());
    }
}
