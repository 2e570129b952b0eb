package io.callface.trainer.train;

import ai.djl.ndarray.NDArray;
import ai.djl.training.ParameterStore;
import io.callface.trainer.nn.Speech2FaceNetworks;

/** The two training objectives: the face stage's and the voice stage's (see {@link VoiceLoss}). */
final class Speech2FaceLoss {
    /** Landmark coordinates are in [0, 1], so their squared error is small; this weight balances it. */
    static final float LANDMARK_WEIGHT = 10f;
    private static final float NORM_EPSILON = 1e-8f;

    private Speech2FaceLoss() {
    }

    /**
     * Face stage: identity cross-entropy + mean L1 image error + {@value #LANDMARK_WEIGHT} x landmark MSE.
     *
     * @param logits      identity-head output {@code [B, classes]}
     * @param labels      one-hot identities {@code [B, classes]}
     * @param image       decoded image {@code [B, 3, H, W]} and {@code imageTarget} likewise
     * @param landmarks   decoded landmarks {@code [B, 68, 2]} and {@code landmarkTarget} likewise
     * @param known       per sample, whether its target landmarks are known; the landmark error is the mean over
     *                    the samples that have them (none: no landmark term)
     */
    static NDArray faceStage(NDArray logits, NDArray labels, NDArray image, NDArray imageTarget, NDArray landmarks,
            NDArray landmarkTarget, boolean[] known) {
        NDArray crossEntropy = logits.logSoftmax(1).mul(labels).sum(new int[] {1}).neg().mean();
        NDArray imageL1 = image.sub(imageTarget).abs().mean();
        int knownCount = 0;
        float[] mask = new float[known.length];
        for (int i = 0; i < known.length; i++) {
            mask[i] = known[i] ? 1 : 0;
            knownCount += known[i] ? 1 : 0;
        }
        NDArray squared = landmarks.sub(landmarkTarget).square();
        // All known (every synthetic batch): the plain mean, so results stay those of earlier runs to the bit.
        NDArray landmarkL2 = knownCount == known.length ? squared.mean()
                : squared.reshape(known.length, -1).mean(new int[] {1}).mul(squared.getManager().create(mask)).sum()
                        .div(Math.max(1, knownCount));
        return crossEntropy.add(imageL1).add(landmarkL2.mul(LANDMARK_WEIGHT));
    }

    /**
     * The face stage's feature loss: the squared distance between the normalised critic features of the decoded
     * face and of its target ({@code 2 - 2 cos}, the distance the face-identity retrieval ranks by), averaged over
     * the batch. The pixel error alone is met by blurred faces with the right colours, since the flat background and
     * skin dominate it; this term asks for what tells faces apart (Cole et al., CVPR 2017, train their decoder so).
     *
     * @param judged    the face critic's feature of the decoded image {@code [B, D]}
     * @param reference the face critic's feature of the target image {@code [B, D]}
     */
    static NDArray featureDistance(NDArray judged, NDArray reference) {
        return normalise(judged).sub(normalise(reference)).square().sum(new int[] {1}).mean();
    }

    /**
     * The gradient-difference loss of Mathieu, Couprie and LeCun ("Deep multi-scale video prediction beyond mean
     * square error", ICLR 2016; exponent 1): the mean absolute difference between the absolute differences of
     * neighbouring pixels of the decoded face and of its target, across and down. The pixel error is met on average
     * by a face with grain where its target is flat and with its lines (wrinkles, brows, hairline) faded; this term
     * asks for the target's edges and nothing else.
     *
     * @param image  decoded image {@code [B, C, H, W]}
     * @param target target image of the same shape
     */
    static NDArray gradientDifference(NDArray image, NDArray target) {
        NDArray across = edges(image, ":, :, :, 1:", ":, :, :, :-1").sub(edges(target, ":, :, :, 1:", ":, :, :, :-1"));
        NDArray down = edges(image, ":, :, 1:, :", ":, :, :-1, :").sub(edges(target, ":, :, 1:, :", ":, :, :-1, :"));
        return across.abs().mean().add(down.abs().mean());
    }

    private static NDArray edges(NDArray image, String next, String previous) {
        return image.get(next).sub(image.get(previous)).abs();
    }

    /**
     * The voice-stage objective, averaged over the batch. {@link VoiceLoss#FULL} is the paper's
     * {@code |f_dec(v_f) - f_dec(v_s)|_1 + l1 |v_f/|v_f| - v_s/|v_s||^2 + l2 L_distill(head(v_f), head(v_s))},
     * with {@code L_distill(a, b) = -sum softmax(a/T) log softmax(b/T)}; {@link VoiceLoss#L1} is its first term
     * alone. The first term is returned either way, so runs with different losses compare on it.
     */
    static VoiceObjective voiceStage(ParameterStore store, Speech2FaceNetworks networks, NDArray predicted,
            NDArray target, TrainingOptions options) {
        NDArray decodedTarget = networks.decoderFDec().forward(store, target, false);
        NDArray decodedPredicted = networks.decoderFDec().forward(store, predicted, false);
        NDArray l1 = decodedTarget.sub(decodedPredicted).abs().sum(new int[] {1}).mean();
        if (options.voiceLoss() == VoiceLoss.L1) {
            return new VoiceObjective(l1, l1);
        }
        NDArray cosine = normalise(target).sub(normalise(predicted)).square().sum(new int[] {1}).mean();
        float t = options.temperature();
        NDArray teacher = networks.identityHead().forward(store, target, false).div(t).softmax(1);
        NDArray student = networks.identityHead().forward(store, predicted, false).div(t).logSoftmax(1);
        NDArray distill = teacher.mul(student).sum(new int[] {1}).neg().mean();
        return new VoiceObjective(l1.add(cosine.mul(options.lambdaCosine())).add(distill.mul(options.lambdaDistill())),
                l1);
    }

    /**
     * The invariance term: for each clip heard through a call, the voice-stage objective ({@link #voiceStage}, the
     * same loss) with the speech feature of the same clip heard clean as its target, held fixed, so the call is pulled
     * towards the clean voice and not the other way; summed over those clips and divided by the whole batch size, so
     * each clip weighs as it does in the main objective (clean clips add nothing). Without it, a call's only
     * target is the face, which no voice reaches; the clean feature is one the encoder does reach, and telephone speech
     * must then keep the voice's traits although its fundamental is gone (Liang et al., "Learning noise-invariant
     * representations for robust speech recognition", SLT 2018, pair clean and noisy speech so).
     *
     * @param heard     speech features of the augmented clips as heard {@code [k, D]}
     * @param clean     speech features of the same clips heard clean {@code [k, D]}, without gradient
     * @param batchSize the whole batch's size
     */
    static NDArray invariance(ParameterStore store, Speech2FaceNetworks networks, NDArray heard, NDArray clean,
            int batchSize, TrainingOptions options) {
        long pairs = heard.getShape().get(0);
        return voiceStage(store, networks, heard, clean, options).objective().mul((float) pairs / batchSize);
    }

    /**
     * @param objective what the voice stage minimises
     * @param fDecL1    its {@code |f_dec(v_f) - f_dec(v_s)|_1} term, the same under every {@link VoiceLoss}
     */
    record VoiceObjective(NDArray objective, NDArray fDecL1) {
    }

    private static NDArray normalise(NDArray v) {
        return v.div(v.norm(new int[] {1}, true).add(NORM_EPSILON));
    }
}
