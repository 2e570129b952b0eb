package io.callface.trainer.train;

import io.callface.trainer.nn.Preset;
import io.callface.trainer.onnx.OnnxExporter;
import java.util.List;

/**
 * Hyper-parameters of a training run. Defaults follow the paper (section 4): Adam with beta1 0.5 and
 * epsilon 1e-4, learning rate 1e-3 decayed by 0.95 every 10,000 steps, loss weights 0.025 and 200,
 * distillation temperature 2. The face stage, which the paper takes as given, adds a feature loss of weight
 * {@value #DEFAULT_FEATURE_WEIGHT} and a gradient-difference loss of weight {@value #DEFAULT_GRADIENT_WEIGHT}.
 *
 * @param faceEpochs     epochs of the face stage (face encoder, identity head, decoder)
 * @param voiceEpochs    epochs of the voice stage (voice encoder against the frozen face networks)
 * @param batchSize      mini-batch size of the voice stage (paper: 8)
 * @param faceBatchSize  mini-batch size of the face stage (default: the preset's batch); a larger one trades
 *                       updates for throughput, as the decoder's image layer dominates a step whatever the batch
 * @param seed           seeds PyTorch (initialisation) and the data order/augmentation
 * @param threads        PyTorch intra-op CPU threads
 * @param learningRate   initial Adam learning rate
 * @param beta1          Adam beta1
 * @param epsilon        Adam epsilon
 * @param decayRate      learning-rate factor applied every {@code decaySteps} updates
 * @param decaySteps     updates between decays
 * @param lambdaCosine   weight of the squared distance between normalised features (paper: 0.025)
 * @param lambdaDistill  weight of the distillation through the identity head (paper: 200)
 * @param temperature    distillation temperature T (paper: 2)
 * @param featureWeight  weight of the face stage's feature loss: the distance between the face encoder's features of
 *                       the decoded face and of its target (Cole et al., CVPR 2017); 0 leaves pixels and landmarks alone
 * @param gradientWeight weight of the face stage's gradient-difference loss ({@code Speech2FaceLoss#gradientDifference});
 *                       0 leaves it out
 * @param voiceLoss      the paper's full loss or the plain-L1 ablation
 * @param augmentation   share of the voice stage's clips heard through a call: room reverberation, a channel, noise and a level change
 *                       ({@link VoiceAugmentation}); 0 trains on the clean corpus only
 * @param invarianceWeight weight of the voice stage's invariance term: for each clip heard through a call, the voice
 *                       loss with the same clip's clean speech feature (held fixed) as the target instead of the face
 *                       feature; 0 leaves only the paper's loss
 * @param faceIdentities how many training identities the face stage learns from (the first ones in corpus order);
 *                       0 for all. The voice stage always learns from every training identity: like the paper's face
 *                       networks, which came from face data of their own, the face stage need not see every speaker
 * @param viewBlur       share of the face stage's views that the face encoder sees blurred to 2 x 2 block means, the
 *                       resolution its critic judges decoded faces at ({@link FaceStageTrainer}); 0 shows every view sharp
 * @param voiceAverageEpochs how many of the voice stage's last epochs the exported voice encoder averages the weights of
 *                       ({@link LastEpochsAverage}, stochastic weight averaging; with two or more the batch-norm
 *                       statistics are then recomputed, {@link BatchNormRefresh}); 0 or 1 exports the last epoch's weights
 * @param version        {@code callface.version} written into the exported models
 */
public record TrainingOptions(
        int faceEpochs,
        int voiceEpochs,
        int batchSize,
        int faceBatchSize,
        long seed,
        int threads,
        float learningRate,
        float beta1,
        float epsilon,
        float decayRate,
        int decaySteps,
        float lambdaCosine,
        float lambdaDistill,
        float temperature,
        float featureWeight,
        float gradientWeight,
        VoiceLoss voiceLoss,
        float augmentation,
        float invarianceWeight,
        int faceIdentities,
        float viewBlur,
        int voiceAverageEpochs,
        String version) {

    /**
     * Default weight of the face stage's feature loss (see {@code featureWeight}). In 20-epoch runs on the default
     * corpus, weight 1 (with a critic that read full-resolution images) drew noise that the critic took for faces;
     * 0.1 on 2 x 2 averages draws faces (BENCHMARKS.md).
     */
    public static final float DEFAULT_FEATURE_WEIGHT = 0.1f;

    /**
     * Default weight of the face stage's gradient-difference loss (see {@code gradientWeight}): as much as the pixel
     * error, as Mathieu et al. weigh it. Without it the decoded faces are grainy all over and show less of the age
     * their feature holds (BENCHMARKS.md, "a face stage that draws edges, not grain").
     */
    public static final float DEFAULT_GRADIENT_WEIGHT = 1f;

    /**
     * Default share of the face stage's views shown blurred (see {@code viewBlur}): half. Over three face seeds it kept
     * identity (R@1 of faces drawn from the true feature) at 95.0-97.0 % where sharp views gave 66.5-90.5 %, and the
     * sex of faces drawn from speech at 94.1-96.3 % where sharp views gave 78.3-96.8 % (BENCHMARKS.md, "blurred views
     * over three face draws").
     */
    public static final float DEFAULT_VIEW_BLUR = 0.5f;

    /**
     * Default of {@code voiceAverageEpochs}: the last three, with the batch-norm statistics recomputed on the average.
     * Over three voice seeds on one face stage it raised recall@10 from speech in every seed (13.6 to 15.1 % on the mean)
     * and sex through G.711 (93.1 to 95.5 %), and lowered the age judged from faces from speech (r 0.114 to 0.095) and
     * ancestry (30.9 to 30.4 %) (BENCHMARKS.md, "Averaged voice weights over three voice seeds", "Batch-norm statistics
     * recomputed on the averaged weights").
     */
    public static final int DEFAULT_VOICE_AVERAGE_EPOCHS = 3;

    /** Default share of augmented voice-stage clips: half hear a call, half the clean corpus. */
    public static final float DEFAULT_AUGMENTATION = 0.5f;

    /**
     * Default weight of the invariance term (see {@code invarianceWeight}): a call's clean twin counts as much as the
     * face. Noise-invariant representation learning (Liang et al., SLT 2018) pairs clean and noisy speech the same way;
     * BENCHMARKS.md has the A/B against 0.
     */
    public static final float DEFAULT_INVARIANCE_WEIGHT = 1f;

    public TrainingOptions {
        requirePositive("faceEpochs", faceEpochs);
        requirePositive("voiceEpochs", voiceEpochs);
        requirePositive("batchSize", batchSize);
        requirePositive("faceBatchSize", faceBatchSize);
        requirePositive("threads", threads);
        requirePositive("decaySteps", decaySteps);
        if (!(learningRate > 0) || !(beta1 >= 0 && beta1 < 1) || !(epsilon > 0) || !(decayRate > 0 && decayRate <= 1)
                || !(lambdaCosine >= 0) || !(lambdaDistill >= 0) || !(temperature > 0) || !(featureWeight >= 0)
                || !(gradientWeight >= 0)) {
            throw new IllegalArgumentException("invalid optimiser or loss setting: learningRate=" + learningRate
                    + ", beta1=" + beta1 + ", epsilon=" + epsilon + ", decayRate=" + decayRate + ", lambdaCosine="
                    + lambdaCosine + ", lambdaDistill=" + lambdaDistill + ", temperature=" + temperature
                    + ", featureWeight=" + featureWeight + ", gradientWeight=" + gradientWeight);
        }
        if (!(augmentation >= 0 && augmentation <= 1)) {
            throw new IllegalArgumentException("augmentation must be in [0, 1], got " + augmentation);
        }
        if (!(invarianceWeight >= 0)) {
            throw new IllegalArgumentException("invarianceWeight must be >= 0, got " + invarianceWeight);
        }
        if (faceIdentities < 0 || faceIdentities == 1) {
            throw new IllegalArgumentException("faceIdentities must be 0 (all) or at least 2 (identity classes), got "
                    + faceIdentities);
        }
        if (!(viewBlur >= 0 && viewBlur <= 1)) {
            throw new IllegalArgumentException("viewBlur must be in [0, 1], got " + viewBlur);
        }
        if (voiceAverageEpochs < 0) {
            throw new IllegalArgumentException("voiceAverageEpochs must be >= 0, got " + voiceAverageEpochs);
        }
        if (voiceLoss == null) {
            throw new IllegalArgumentException("voiceLoss must not be null");
        }
        if (version == null || version.isBlank()) {
            throw new IllegalArgumentException("version must not be blank");
        }
    }

    /**
     * The paper's optimiser and (full) loss settings with the preset's epochs and batch size (both stages),
     * seed 42, 2 threads.
     */
    public static TrainingOptions defaults(Preset preset) {
        return new TrainingOptions(preset.faceEpochs(), preset.voiceEpochs(), preset.batchSize(), preset.batchSize(), 42, 2,
                1e-3f, 0.5f, 1e-4f, 0.95f, 10_000, 0.025f, 200f, 2f, DEFAULT_FEATURE_WEIGHT, DEFAULT_GRADIENT_WEIGHT, VoiceLoss.FULL, DEFAULT_AUGMENTATION,
                DEFAULT_INVARIANCE_WEIGHT, 0, DEFAULT_VIEW_BLUR, DEFAULT_VOICE_AVERAGE_EPOCHS,
                OnnxExporter.DEFAULT_VERSION);
    }

    public TrainingOptions withFeatureWeight(float weight) {
        return new TrainingOptions(faceEpochs, voiceEpochs, batchSize, faceBatchSize, seed, threads, learningRate, beta1,
                epsilon, decayRate, decaySteps, lambdaCosine, lambdaDistill, temperature, weight, gradientWeight, voiceLoss, augmentation, invarianceWeight, faceIdentities, viewBlur, voiceAverageEpochs, version);
    }

    public TrainingOptions withGradientWeight(float weight) {
        return new TrainingOptions(faceEpochs, voiceEpochs, batchSize, faceBatchSize, seed, threads, learningRate, beta1,
                epsilon, decayRate, decaySteps, lambdaCosine, lambdaDistill, temperature, featureWeight, weight, voiceLoss,
                augmentation, invarianceWeight, faceIdentities, viewBlur, voiceAverageEpochs, version);
    }

    public TrainingOptions withVoiceEpochs(int epochs) {
        return new TrainingOptions(faceEpochs, epochs, batchSize, faceBatchSize, seed, threads, learningRate, beta1, epsilon,
                decayRate, decaySteps, lambdaCosine, lambdaDistill, temperature, featureWeight, gradientWeight, voiceLoss, augmentation, invarianceWeight, faceIdentities, viewBlur, voiceAverageEpochs, version);
    }

    public TrainingOptions withFaceEpochs(int epochs) {
        return new TrainingOptions(epochs, voiceEpochs, batchSize, faceBatchSize, seed, threads, learningRate, beta1, epsilon,
                decayRate, decaySteps, lambdaCosine, lambdaDistill, temperature, featureWeight, gradientWeight, voiceLoss, augmentation, invarianceWeight, faceIdentities, viewBlur, voiceAverageEpochs, version);
    }

    public TrainingOptions withSeed(long newSeed) {
        return new TrainingOptions(faceEpochs, voiceEpochs, batchSize, faceBatchSize, newSeed, threads, learningRate, beta1, epsilon,
                decayRate, decaySteps, lambdaCosine, lambdaDistill, temperature, featureWeight, gradientWeight, voiceLoss, augmentation, invarianceWeight, faceIdentities, viewBlur, voiceAverageEpochs, version);
    }

    public TrainingOptions withThreads(int newThreads) {
        return new TrainingOptions(faceEpochs, voiceEpochs, batchSize, faceBatchSize, seed, newThreads, learningRate, beta1, epsilon,
                decayRate, decaySteps, lambdaCosine, lambdaDistill, temperature, featureWeight, gradientWeight, voiceLoss, augmentation, invarianceWeight, faceIdentities, viewBlur, voiceAverageEpochs, version);
    }

    public TrainingOptions withVoiceLoss(VoiceLoss loss) {
        return new TrainingOptions(faceEpochs, voiceEpochs, batchSize, faceBatchSize, seed, threads, learningRate, beta1, epsilon,
                decayRate, decaySteps, lambdaCosine, lambdaDistill, temperature, featureWeight, gradientWeight, loss, augmentation, invarianceWeight, faceIdentities, viewBlur, voiceAverageEpochs, version);
    }

    public TrainingOptions withFaceBatchSize(int size) {
        return new TrainingOptions(faceEpochs, voiceEpochs, batchSize, size, seed, threads, learningRate, beta1,
                epsilon, decayRate, decaySteps, lambdaCosine, lambdaDistill, temperature, featureWeight, gradientWeight, voiceLoss, augmentation, invarianceWeight, faceIdentities, viewBlur, voiceAverageEpochs, version);
    }

    public TrainingOptions withAugmentation(float share) {
        return new TrainingOptions(faceEpochs, voiceEpochs, batchSize, faceBatchSize, seed, threads, learningRate, beta1,
                epsilon, decayRate, decaySteps, lambdaCosine, lambdaDistill, temperature, featureWeight, gradientWeight, voiceLoss, share,
                invarianceWeight, faceIdentities, viewBlur, voiceAverageEpochs, version);
    }

    public TrainingOptions withInvarianceWeight(float weight) {
        return new TrainingOptions(faceEpochs, voiceEpochs, batchSize, faceBatchSize, seed, threads, learningRate, beta1,
                epsilon, decayRate, decaySteps, lambdaCosine, lambdaDistill, temperature, featureWeight, gradientWeight, voiceLoss,
                augmentation, weight, faceIdentities, viewBlur, voiceAverageEpochs, version);
    }

    public TrainingOptions withFaceIdentities(int count) {
        return new TrainingOptions(faceEpochs, voiceEpochs, batchSize, faceBatchSize, seed, threads, learningRate, beta1,
                epsilon, decayRate, decaySteps, lambdaCosine, lambdaDistill, temperature, featureWeight, gradientWeight, voiceLoss,
                augmentation, invarianceWeight, count, viewBlur, voiceAverageEpochs, version);
    }

    public TrainingOptions withViewBlur(float share) {
        return new TrainingOptions(faceEpochs, voiceEpochs, batchSize, faceBatchSize, seed, threads, learningRate, beta1,
                epsilon, decayRate, decaySteps, lambdaCosine, lambdaDistill, temperature, featureWeight, gradientWeight, voiceLoss,
                augmentation, invarianceWeight, faceIdentities, share, voiceAverageEpochs, version);
    }

    public TrainingOptions withVoiceAverageEpochs(int epochs) {
        return new TrainingOptions(faceEpochs, voiceEpochs, batchSize, faceBatchSize, seed, threads, learningRate, beta1,
                epsilon, decayRate, decaySteps, lambdaCosine, lambdaDistill, temperature, featureWeight, gradientWeight, voiceLoss,
                augmentation, invarianceWeight, faceIdentities, viewBlur, epochs, version);
    }

    /** The face stage's identities: the first {@link #faceIdentities} of {@code trainingIdentities}, or all of them. */
    public <T> List<T> faceStageIdentities(List<T> trainingIdentities) {
        return faceIdentities == 0 || faceIdentities >= trainingIdentities.size() ? trainingIdentities
                : trainingIdentities.subList(0, faceIdentities);
    }

    private static void requirePositive(String field, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(field + " must be positive, got " + value);
        }
    }
}
