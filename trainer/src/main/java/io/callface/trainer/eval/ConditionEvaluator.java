package io.callface.trainer.eval;

import io.callface.audio.Spectrogram;
import io.callface.audio.SpeechSegment;
import io.callface.trainer.synth.CorpusClip;
import io.callface.trainer.synth.IdentityTraits;
import io.callface.trainer.train.NoiseSignals;
import io.callface.trainer.train.WavFile;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The per-condition evaluation: every test clip heard through each degraded {@link CallCondition} (the stream's own
 * codecs and front end; the clean one is the evaluation's own 6 s pass), its 6 s voice feature ranked among the test faces' features and its decoded face judged by the
 * attribute classifiers against the verdict on the identity's true face.
 */
final class ConditionEvaluator {
    /** Voices summed into the babble, each at the same power: a crowd, not a competing talker. */
    static final int BABBLE_TALKERS = 6;

    private ConditionEvaluator() {
    }

    /**
     * @param galleryIndex  each test identity's index in {@code gallery}, its true face feature
     * @param onTrueFace    the classifiers' verdict on each test identity's true face, when they ran
     * @param traits        each test identity's generating traits
     * @param babbleVoices  clips of speakers outside the test set; without any, babble is left out
     */
    static List<ConditionScores> evaluateDegraded(List<CorpusClip> clips, Map<String, Integer> galleryIndex, List<float[]> gallery,
            OnnxFeatureExtractor extractor, OnnxFaceDecoder decoder, Optional<AttributeClassifiers> classifiers,
            Map<String, AttributeJudgement> onTrueFace, Function<String, IdentityTraits> traits,
            List<CorpusClip> babbleVoices) {
        Optional<float[]> babble = babble(babbleVoices);
        List<CallCondition> conditions = Arrays.stream(CallCondition.values())
                .filter(c -> c != CallCondition.CLEAN_16K)
                .filter(c -> c != CallCondition.BABBLE_10DB || babble.isPresent()).toList();
        Map<CallCondition, Optional<AttributeTally>> tallies = new EnumMap<>(CallCondition.class);
        Map<CallCondition, Integer> hits = new EnumMap<>(CallCondition.class);
        conditions.forEach(c -> {
            tallies.put(c, classifiers.map(AttributeTally::new));
            hits.put(c, 0);
        });
        Spectrogram spectrogram = new Spectrogram();
        for (CorpusClip clip : clips) {
            float[] clean = WavFile.readMono16k(clip.audio());
            int truth = galleryIndex.get(clip.identity());
            for (CallCondition condition : conditions) {
                float[] heard = condition.apply(clean, babble.orElse(clean), channelSeed(clip));
                float[] vs = extractor.voiceFeature(spectrogram.compute(SpeechSegment.toSixSeconds(heard)));
                hits.merge(condition, Retrieval.rank(vs, gallery, truth) <= EvaluationReport.ORACLE_K ? 1 : 0, Integer::sum);
                float[] face = decoder.decode(vs).image();
                tallies.get(condition).ifPresent(t -> t.addDecoded(FaceSource.FROM_SPEECH_6S,
                        traits.apply(clip.identity()), onTrueFace.get(clip.identity()), face));
            }
        }
        return conditions.stream().map(c -> new ConditionScores(c, clips.size(), (double) hits.get(c) / clips.size(),
                tallies.get(c).map(t -> t.scoresOf(FaceSource.FROM_SPEECH_6S)))).toList();
    }

    /**
     * The seed of a clip's channel draws (lost packets, room): from its identity and the last two names of its audio
     * path, so a corpus is heard the same wherever it is stored (the absolute path moved Opus's sex agreement by
     * three points between two copies of one corpus).
     */
    static long channelSeed(CorpusClip clip) {
        Path audio = clip.audio();
        Path parent = audio.getParent();
        String name = (parent == null || parent.getFileName() == null ? "" : parent.getFileName() + "/")
                + audio.getFileName();
        return (clip.identity() + "/" + name).hashCode();
    }

    /** Keeps the first item of each key, in order. */
    private static <T> Predicate<T> distinctBy(Function<T, String> key) {
        Set<String> seen = new HashSet<>();
        return t -> seen.add(key.apply(t));
    }

    /** The sum of up to {@value #BABBLE_TALKERS} speakers' voices, each scaled to unit power, as long as the longest. */
    static Optional<float[]> babble(List<CorpusClip> voices) {
        List<float[]> talkers = voices.stream().filter(distinctBy(CorpusClip::identity)).limit(BABBLE_TALKERS)
                .map(c -> WavFile.readMono16k(c.audio())).toList();
        int length = talkers.stream().mapToInt(t -> t.length).max().orElse(0);
        if (length == 0) {
            return Optional.empty();
        }
        float[] crowd = new float[length];
        talkers.forEach(talker -> NoiseSignals.addAtUnitPower(crowd, talker));
        return Optional.of(crowd);
    }
}
