package io.callface.trainer.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.jni.JniUtils;
import ai.onnx.proto.OnnxMl.ModelProto;
import io.callface.trainer.nn.Network;
import io.callface.trainer.nn.Preset;
import io.callface.trainer.nn.Speech2FaceNetworks;
import io.callface.trainer.onnx.ModelDirectory;
import io.callface.trainer.onnx.OnnxExporter;
import io.callface.trainer.onnx.PretrainedFaceEncoder;
import io.callface.trainer.synth.CorpusClip;
import io.callface.trainer.synth.CorpusFormatException;
import io.callface.trainer.synth.CorpusManifest;
import io.callface.trainer.synth.Split;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Trains Speech2Face end to end on a corpus and exports a model directory: face stage (face encoder,
 * identity head, decoder), freeze, voice stage (voice encoder against the paper's loss), ONNX export with
 * {@value TrainingLog#FILE} and the training throughput in {@code model.json}. Runs on DJL's PyTorch engine, offline,
 * on the CPU or on {@link TrainingDevices GPUs}. With a {@link CheckpointDirectory} it checkpoints after every epoch and can resume from
 * there with the same result as an uninterrupted run.
 */
public final class TrainingPipeline {
    private static final String ENGINE = "PyTorch";
    /** The pretrained face network (wrapped into the contract), kept beside the checkpoints of a run that used one. */
    public static final String PRETRAINED_FACE_ENCODER_FILE = "pretrained_face_encoder.onnx";
    /** The metric in {@code model.json} that says over how many of its last epochs the voice encoder's weights are averaged. */
    public static final String VOICE_EPOCHS_AVERAGED = "train_voice_epochs_averaged";

    private final ProgressReporter progress;
    private final DataLoading loading;
    private final Optional<PretrainedFaceEncoder> faceNetwork;
    private final TrainingDevices devices;

    public TrainingPipeline(ProgressReporter progress) {
        this(progress, DataLoading.DEFAULT, Optional.empty());
    }

    /** On the CPU. */
    public TrainingPipeline(ProgressReporter progress, DataLoading loading, Optional<PretrainedFaceEncoder> faceNetwork) {
        this(progress, loading, faceNetwork, TrainingDevices.CPU);
    }

    /**
     * @param faceNetwork a pretrained face network (the paper's VGG-Face) to use, frozen, as the face encoder instead
     *                    of training one; the preset's feature width becomes the network's
     * @param devices     where to train: the networks live on the first, and with several every mini-batch is split
     *                    across them
     */
    public TrainingPipeline(ProgressReporter progress, DataLoading loading, Optional<PretrainedFaceEncoder> faceNetwork,
            TrainingDevices devices) {
        this.progress = progress;
        this.loading = loading;
        this.faceNetwork = faceNetwork;
        this.devices = devices;
    }

    /** {@link #train(CorpusManifest, Preset, Path, TrainingOptions, Optional, boolean)} without checkpoints. */
    public ModelDirectory train(CorpusManifest corpus, Preset preset, Path out, TrainingOptions options) {
        return train(corpus, preset, out, options, Optional.empty(), false);
    }

    /**
     * Trains on the train split of {@code corpus} (the voice stage on its voice-only speakers too) with
     * {@code preset} and writes the model directory {@code out}; throws {@link CorpusFormatException} when the
     * train split has fewer than 2 identities.
     *
     * @param checkpoints where to checkpoint after every epoch (none when empty)
     * @param resume      continue from the checkpoints found there (a voice checkpoint means the face stage
     *                    is finished); a directory without checkpoints starts from scratch
     */
    public ModelDirectory train(CorpusManifest corpus, Preset chosen, Path out, TrainingOptions options,
            Optional<CheckpointDirectory> checkpoints, boolean resume) {
        Preset preset = faceNetwork.map(n -> chosen.withFeatureDim(n.featureDim())).orElse(chosen);
        if (faceNetwork.isPresent() && options.featureWeight() > 0) {
            throw new IllegalArgumentException("the face stage's feature loss judges with the face encoder callface "
                    + "trains; with a pretrained face network set the feature weight to 0");
        }
        if (faceNetwork.isPresent() && options.viewBlur() > 0) {
            throw new IllegalArgumentException("blurred views teach the face encoder callface trains; a pretrained face "
                    + "network is frozen, so set the view blur to 0");
        }
        List<String> trainIdentities = corpus.identityIds(Split.TRAIN);
        if (trainIdentities.size() < 2) {
            throw new CorpusFormatException("corpus " + corpus.dir() + ": the train split needs at least 2 identities, got "
                    + trainIdentities.size());
        }
        // Voice-only speakers follow the training identities, so the face stage's classes stay a prefix of everyone.
        List<CorpusClip> trainClips = Stream.concat(corpus.clips(Split.TRAIN).stream(),
                corpus.clips(Split.VOICE).stream()).toList();
        List<String> identities = Stream.concat(trainIdentities.stream(),
                corpus.identityIds(Split.VOICE).stream()).toList();
        if (resume && checkpoints.isEmpty()) {
            throw new IllegalArgumentException("resume needs a checkpoint directory");
        }
        checkpoints.ifPresent(dir -> keepFaceNetworkBeside(dir, resume));
        List<String> faceIdentities = options.faceStageIdentities(trainIdentities);
        Set<String> withRenderings = Set.copyOf(faceIdentities);
        Map<String, IdentityImages> faces = new LinkedHashMap<>();
        for (CorpusClip e : trainClips) {
            // Only the face stage's identities need their further renderings; the rest give the voice stage a target.
            faces.computeIfAbsent(e.identity(), id -> IdentityImages.load(e,
                    withRenderings.contains(id) ? corpus.renderings(id) : List.of(), preset.imageSize()));
        }
        configureEngine(options);
        int classCount = faceIdentities.size();
        try (Speech2FaceNetworks networks = new Speech2FaceNetworks(preset, classCount, devices.primary())) {
            List<Network> voiceStage = List.of(networks.voiceEncoder());
            // With a pretrained face network, its features stand in for the face encoder's, which stays untrained.
            List<Network> faceStage = faceStage(networks, faceNetwork.isPresent());
            ParameterUpdater faceUpdater = ParameterUpdater.faceStage(faceStage, options,
                    FaceStageTrainer.totalUpdates(classCount, options));
            ParameterUpdater voiceUpdater = ParameterUpdater.voiceStage(voiceStage, options);
            TrainingLog log = new TrainingLog();
            int faceFirst = 1;
            int voiceFirst = 1;
            Optional<CheckpointDirectory.Stage> voice = Optional.empty();
            if (resume) {
                CheckpointDirectory dir = checkpoints.orElseThrow();
                Optional<CheckpointDirectory.Stage> face = dir.read(EpochRecord.FACE);
                voice = dir.read(EpochRecord.VOICE);
                if (voice.isPresent() && face.isEmpty()) {
                    throw new IllegalStateException("checkpoint directory " + dir.path() + " has a voice checkpoint but no "
                            + CheckpointDirectory.FACE_FILE);
                }
                if (face.isPresent()) {
                    restore(face.get(), faceStage, faceUpdater, preset, classCount);
                    faceFirst = face.get().header().epoch() + 1;
                    log = TrainingLog.parse(face.get().header().trainingLog());
                }
                if (voice.isPresent()) {
                    restore(voice.get(), voiceStage, voiceUpdater, preset, classCount);
                    faceFirst = options.faceEpochs() + 1;
                    voiceFirst = voice.get().header().epoch() + 1;
                    log = TrainingLog.parse(voice.get().header().trainingLog());
                }
                progress.resumed(dir.path(), faceFirst - 1, voiceFirst - 1);
            }
            TrainingLog history = log;
            LastEpochsAverage average = voice.map(v -> LastEpochsAverage.resumed(options.voiceEpochs(),
                            options.voiceAverageEpochs(), v.header().epoch(), v.tensors()))
                    .orElseGet(() -> LastEpochsAverage.lastOf(options.voiceEpochs(), options.voiceAverageEpochs()));
            List<IdentityImages> everyone = identities.stream().map(faces::get).toList();
            // The face stage's classes are a prefix of everyone, so a class index is also an index into everyone.
            List<IdentityImages> classes = everyone.subList(0, classCount);
            Optional<PretrainedFeatures> pretrained = faceNetwork.map(n -> PretrainedFeatures.compute(n, everyone,
                    preset.imageSize()));
            FaceStageTrainer.train(networks, classes, pretrained, options, devices, faceUpdater, faceFirst, progress,
                    record -> {
                        history.add(record);
                        checkpoints.ifPresent(dir -> dir.save(header(record, faceUpdater, preset, classCount,
                                history), tensors(faceStage, faceUpdater)));
                    });
            networks.faceStage().forEach(Network::freeze);
            Map<String, float[]> features = pretrained.isPresent() ? canonicalFeatures(identities, pretrained.get())
                    : FaceFeatures.compute(networks, everyone.stream().map(IdentityImages::canonical).toList());
            VoiceStageTrainer.train(networks, trainClips, features, loading, options, devices,
                    voiceUpdater, voiceFirst, progress, record -> {
                        history.add(record);
                        average.record(record.epoch(), arrays(voiceStage));
                        if (record.epoch() == options.voiceEpochs() && average.epochs() > 1) {
                            refreshBatchNorm(networks, voiceStage, average, trainClips, options);
                        }
                        checkpoints.ifPresent(dir -> saveVoice(dir, header(record, voiceUpdater, preset, classCount,
                                history), voiceStage, voiceUpdater, average, networks));
                    });
            average.applyTo(arrays(voiceStage));
            reportThroughput(history);
            return write(new OnnxExporter(options.version()).export(networks, out,
                    faceNetwork.map(PretrainedFaceEncoder::contractModel)), history, average);
        }
    }

    /**
     * Recomputes the voice encoder's batch-norm statistics on the averaged weights and keeps them in {@code average},
     * then puts the last epoch's weights back, so the checkpoint holds the run's own weights as it always does.
     */
    private void refreshBatchNorm(Speech2FaceNetworks networks, List<Network> voiceStage, LastEpochsAverage average,
            List<CorpusClip> clips, TrainingOptions options) {
        Map<String, NDArray> weights = arrays(voiceStage);
        average.applyTo(weights);
        BatchNormRefresh.refresh(networks, clips, loading, options);
        Map<String, NDArray> statistics = new LinkedHashMap<>();
        voiceStage.forEach(n -> n.namedParameters().forEach((name, p) -> {
            if (p.getType() == Parameter.Type.RUNNING_MEAN || p.getType() == Parameter.Type.RUNNING_VAR) {
                statistics.put(name, p.getArray());
            }
        }));
        average.keepBatchNorm(statistics);
        average.restoreLast(weights);
    }

    /** The voice checkpoint: the encoder, its Adam state and the weights kept for the average. */
    private static void saveVoice(CheckpointDirectory dir, CheckpointDirectory.Header header, List<Network> voiceStage,
            ParameterUpdater updater, LastEpochsAverage average, Speech2FaceNetworks networks) {
        try (NDManager manager = networks.manager().newSubManager()) {
            Map<String, NDArray> tensors = tensors(voiceStage, updater);
            tensors.putAll(average.tensors(manager, arrays(voiceStage)));
            dir.save(header, tensors);
        }
    }

    /**
     * Saves the pretrained face network (wrapped) beside the checkpoints, so that {@link #export} and a resumed run
     * use the same one; a run resumed with or without one must match how the checkpoints were made.
     */
    private void keepFaceNetworkBeside(CheckpointDirectory dir, boolean resume) {
        Path saved = dir.path().resolve(PRETRAINED_FACE_ENCODER_FILE);
        if (resume && Files.exists(saved) != faceNetwork.isPresent()) {
            throw new IllegalStateException("checkpoint directory " + dir.path() + " was made "
                    + (faceNetwork.isPresent() ? "without" : "with") + " a pretrained face network; resume it the same way");
        }
        faceNetwork.ifPresent(network -> {
            try {
                Files.createDirectories(dir.path());
                Files.write(saved, network.contractModel().toByteArray());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + saved + ": " + e.getMessage(), e);
            }
        });
    }

    private static Map<String, float[]> canonicalFeatures(List<String> identities, PretrainedFeatures pretrained) {
        Map<String, float[]> features = new LinkedHashMap<>();
        for (int i = 0; i < identities.size(); i++) {
            features.put(identities.get(i), pretrained.canonical(i));
        }
        return features;
    }

    /**
     * Exports the networks of a checkpoint directory (after at least one voice-stage epoch) as a model
     * directory, exactly as the run that wrote the checkpoints would have at that epoch.
     */
    public static ModelDirectory export(CheckpointDirectory checkpoints, Path out, String version) {
        CheckpointDirectory.Stage face = checkpoints.read(EpochRecord.FACE).orElseThrow(() -> new IllegalStateException(
                "checkpoint directory " + checkpoints.path() + ": no " + CheckpointDirectory.FACE_FILE));
        CheckpointDirectory.Stage voice = checkpoints.read(EpochRecord.VOICE).orElseThrow(() -> new IllegalStateException(
                "checkpoint directory " + checkpoints.path() + ": no " + CheckpointDirectory.VOICE_FILE
                        + " yet (face stage at epoch " + face.header().epoch()
                        + "); train until the voice stage has run an epoch"));
        Preset named = Preset.named(face.header().preset());
        Path saved = checkpoints.path().resolve(PRETRAINED_FACE_ENCODER_FILE);
        Optional<ModelProto> faceNetwork = Files.exists(saved) ? Optional.of(readModel(saved)) : Optional.empty();
        Preset preset = faceNetwork.map(model -> {
            try (PretrainedFaceEncoder network = PretrainedFaceEncoder.fromContract(model, named.imageSize())) {
                return named.withFeatureDim(network.featureDim());
            }
        }).orElse(named);
        try (Speech2FaceNetworks networks = new Speech2FaceNetworks(preset, face.header().identities())) {
            face.restoreInto(arrays(faceStage(networks, faceNetwork.isPresent())));
            Map<String, NDArray> voiceEncoder = arrays(List.of(networks.voiceEncoder()));
            voice.restoreInto(voiceEncoder);
            LastEpochsAverage average = LastEpochsAverage.stored(voice.tensors());
            average.applyTo(voiceEncoder);
            return write(new OnnxExporter(version).export(networks, out, faceNetwork),
                    TrainingLog.parse(voice.header().trainingLog()), average);
        }
    }

    /** The networks the face stage trains: without the face encoder when a pretrained network stands in for it. */
    private static List<Network> faceStage(Speech2FaceNetworks networks, boolean pretrained) {
        List<Network> all = networks.faceStage();
        return pretrained ? all.subList(1, all.size()) : all;
    }

    private static ModelProto readModel(Path file) {
        try {
            return ModelProto.parseFrom(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Seeds PyTorch (so initialisation repeats) and sets its CPU thread count. The same seed and thread count give
     * byte-identical models in a fresh process on an otherwise idle machine; under heavy CPU contention results have
     * differed (BENCHMARKS.md), and PyTorch's native state is not reset, so a training at another thread count earlier
     * in the same JVM can change a later one's result.
     */
    static void configureEngine(TrainingOptions options) {
        Engine engine = Engine.getEngine(ENGINE);
        engine.setRandomSeed((int) options.seed());
        JniUtils.setNumThreads(options.threads());
    }

    private void reportThroughput(TrainingLog log) {
        for (String stage : List.of(EpochRecord.FACE, EpochRecord.VOICE)) {
            List<EpochRecord> rows = log.stage(stage);
            double seconds = rows.stream().mapToDouble(EpochRecord::seconds).sum();
            long samples = rows.stream().mapToLong(EpochRecord::samples).sum();
            if (seconds > 0) {
                progress.stageDone(stage, samples / seconds, seconds);
            }
        }
    }

    /** Writes the training log beside the model and its metrics, with how many epochs' weights the voice encoder averages. */
    private static ModelDirectory write(ModelDirectory model, TrainingLog log, LastEpochsAverage average) {
        log.write(model.path());
        Map<String, Double> metrics = new LinkedHashMap<>(log.metrics());
        metrics.put(VOICE_EPOCHS_AVERAGED, (double) Math.max(1, average.epochs()));
        return model.withMetrics(metrics);
    }

    private static CheckpointDirectory.Header header(EpochRecord record, ParameterUpdater updater, Preset preset,
            int identities, TrainingLog log) {
        return new CheckpointDirectory.Header(record.stage(), record.epoch(), updater.updates(), preset.name(), identities,
                log.toCsv());
    }

    private static void restore(CheckpointDirectory.Stage stage, List<Network> networks, ParameterUpdater updater,
            Preset preset, int identities) {
        CheckpointDirectory.Header h = stage.header();
        if (!h.preset().equals(preset.name()) || h.identities() != identities) {
            throw new IllegalStateException(h.stage() + " checkpoint was written for preset " + h.preset() + " with "
                    + h.identities() + " training identities, not " + preset.name() + " with " + identities);
        }
        stage.restoreInto(tensors(networks, updater));
        updater.restoreUpdates(h.updates());
    }

    private static Map<String, NDArray> tensors(List<Network> networks, ParameterUpdater updater) {
        Map<String, NDArray> tensors = arrays(networks);
        tensors.putAll(updater.state());
        return tensors;
    }

    private static Map<String, NDArray> arrays(List<Network> networks) {
        Map<String, NDArray> arrays = new LinkedHashMap<>();
        networks.forEach(n -> n.namedParameters().forEach((name, p) -> arrays.put(name, p.getArray())));
        return arrays;
    }
}
