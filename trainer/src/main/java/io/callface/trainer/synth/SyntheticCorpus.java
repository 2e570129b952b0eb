package io.callface.trainer.synth;

import io.callface.audio.Audio;
import io.callface.audio.WavWriter;
import io.callface.audio.synth.SpeechSynthesizer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * Writes a synthetic paired voice-face corpus: for each identity drawn from {@link Population}, K speech clips
 * from {@link SpeechSynthesizer} in the identity's voice, accent and speaking style (the synthesis method drawn per
 * clip), one canonical face from {@link FaceRenderer} and R further renderings of the same
 * face under a {@link RenderingVariation#random random variation} (pose, light, expression, hair).
 *
 * <p>Layout (paths in the CSVs are relative to the corpus directory):
 * <pre>
 * manifest.csv                     identity,split,audio,face  (one row per clip)
 * identities.csv                   identity,split,sex,age,ancestry,... (every generating trait)
 * renderings.csv                   identity,image (one row per further rendering; only when R &gt; 0)
 * audio/&lt;identity&gt;_&lt;k&gt;.wav          16 kHz mono PCM16
 * faces/&lt;identity&gt;.png              the canonical face
 * faces/&lt;identity&gt;.landmarks.csv    68 lines x,y in [0,1]
 * faces/&lt;identity&gt;_r&lt;k&gt;.png         further rendering k, with its .landmarks.csv beside it
 * README.md                        what this is, every formula and its source, seed and counts
 * judge/                           faces of further people for the evaluation's classifiers ({@link JudgeFaces})
 * </pre>
 * Voice-only speakers ({@link Split#VOICE}, ids {@code voice00000}, ...) follow the identities in both CSVs, with
 * {@value CorpusSpec#VOICE_SPEAKER_CLIPS} clip and a canonical face each and no further renderings.
 * Splits are per identity (speaker-disjoint). Every file is a pure function of the {@link CorpusSpec}:
 * identity {@code i}, clip {@code k} and rendering {@code k} draw from seeds derived from (seed, i, k) only, so identities are
 * generated in parallel and the bytes do not depend on scheduling. Judge identity {@code j} and voice-only speaker
 * {@code v} draw from seed streams of their own, so the corpus's identities are the same with or without them.
 */
public final class SyntheticCorpus {
    public static final String MANIFEST = "manifest.csv";
    public static final String IDENTITIES = "identities.csv";
    public static final String MANIFEST_HEADER = "identity,split,audio,face";
    /** Optional: further images of each identity (pose, light, expression), for the face stage. */
    public static final String RENDERINGS = "renderings.csv";
    public static final String RENDERINGS_HEADER = "identity,image";
    public static final String AUDIO_DIR = "audio";
    public static final String FACES_DIR = "faces";
    public static final String LANDMARKS_SUFFIX = ".landmarks.csv";

    private final CorpusSpec spec;
    private final SpeechSynthesizer synthesizer = new SpeechSynthesizer();
    private final FaceRenderer renderer;

    public SyntheticCorpus(CorpusSpec spec) {
        if (spec == null) {
            throw new IllegalArgumentException("spec: must not be null");
        }
        this.spec = spec;
        this.renderer = new FaceRenderer(spec.faceSize());
    }

    /** The id of identity {@code index}: {@code id00000}, {@code id00001}, ... */
    public static String identityId(int index) {
        return String.format(Locale.ROOT, "id%05d", index);
    }

    /** The split of every identity, speaker-disjoint: a seeded shuffle, then test, val, and the rest train. */
    public List<Split> splits() {
        List<Integer> order = new ArrayList<>(IntStream.range(0, spec.identities()).boxed().toList());
        Collections.shuffle(order, new Random(spec.seed()));
        int test = (int) Math.round(spec.identities() * spec.testFraction());
        int val = (int) Math.round(spec.identities() * spec.valFraction());
        Split[] splits = new Split[spec.identities()];
        for (int rank = 0; rank < order.size(); rank++) {
            splits[order.get(rank)] = rank < test ? Split.TEST : rank < test + val ? Split.VAL : Split.TRAIN;
        }
        return List.of(splits);
    }

    /** The traits of identity {@code index}; the same for a given seed whatever else is generated. */
    public IdentityTraits identity(int index) {
        return Population.sample(new Random(mix(spec.seed(), index)));
    }

    /**
     * Writes the corpus into {@code dir} (created if needed; existing files of the same names are replaced).
     * {@code progress} receives the number of speakers finished so far (identities, then voice-only speakers), from
     * worker threads.
     */
    public void write(Path dir, IntConsumer progress) throws IOException {
        Files.createDirectories(dir.resolve(AUDIO_DIR));
        Files.createDirectories(dir.resolve(FACES_DIR));
        List<Split> splits = splits();
        IdentityTraits[] traits = new IdentityTraits[spec.identities()];
        AtomicInteger done = new AtomicInteger();
        try {
            IntStream.range(0, spec.identities()).parallel().forEach(i -> {
                traits[i] = identity(i);
                writeIdentity(dir, i, traits[i]);
                progress.accept(done.incrementAndGet());
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        StringBuilder manifest = new StringBuilder(MANIFEST_HEADER).append('\n');
        StringBuilder identities = new StringBuilder(IdentitiesCsv.HEADER).append('\n');
        StringBuilder renderings = new StringBuilder(RENDERINGS_HEADER).append('\n');
        for (int i = 0; i < spec.identities(); i++) {
            String id = identityId(i);
            Split split = splits.get(i);
            identities.append(IdentitiesCsv.format(id, split, traits[i])).append('\n');
            for (int k = 0; k < spec.clipsPerIdentity(); k++) {
                manifest.append(String.join(",", id, split.csvName(), audioPath(id, k), facePath(id))).append('\n');
            }
            for (int k = 0; k < spec.renderings(); k++) {
                renderings.append(id).append(',').append(renderingPath(id, k)).append('\n');
            }
        }
        writeVoiceSpeakers(dir, manifest, identities, () -> progress.accept(done.incrementAndGet()));
        if (spec.renderings() > 0) {
            Files.writeString(dir.resolve(RENDERINGS), renderings, StandardCharsets.UTF_8);
        } else {
            Files.deleteIfExists(dir.resolve(RENDERINGS));
        }
        Files.writeString(dir.resolve(MANIFEST), manifest, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve(IDENTITIES), identities, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("README.md"), CorpusReadme.text(spec, splits), StandardCharsets.UTF_8);
        writeJudges(dir);
    }

    /** The traits of voice-only speaker {@code index}: the same population, a seed stream apart from the corpus's. */
    public IdentityTraits voiceSpeaker(int index) {
        return Population.sample(new Random(mix(voiceSpeakerSeed(), index)));
    }

    /** The id of voice-only speaker {@code index}: {@code voice00000}, ... */
    public static String voiceSpeakerId(int index) {
        return String.format(Locale.ROOT, "voice%05d", index);
    }

    /** Writes the voice-only speakers' clips and faces and appends their rows to the two CSVs. */
    private void writeVoiceSpeakers(Path dir, StringBuilder manifest, StringBuilder identities, Runnable finished)
            throws IOException {
        IdentityTraits[] traits = new IdentityTraits[spec.voiceSpeakers()];
        try {
            IntStream.range(0, spec.voiceSpeakers()).parallel().forEach(v -> {
                traits[v] = voiceSpeaker(v);
                writeSpeech(dir, voiceSpeakerId(v), traits[v], CorpusSpec.VOICE_SPEAKER_CLIPS,
                        mix(voiceSpeakerSeed(), v));
                try {
                    writeFace(dir.resolve(facePath(voiceSpeakerId(v))), renderer.render(traits[v]));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                finished.run();
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        for (int v = 0; v < traits.length; v++) {
            String id = voiceSpeakerId(v);
            identities.append(IdentitiesCsv.format(id, Split.VOICE, traits[v])).append('\n');
            for (int k = 0; k < CorpusSpec.VOICE_SPEAKER_CLIPS; k++) {
                manifest.append(String.join(",", id, Split.VOICE.csvName(), audioPath(id, k), facePath(id)))
                        .append('\n');
            }
        }
    }

    /** The traits of judge identity {@code index}: the same population, a seed stream apart from the corpus's. */
    public IdentityTraits judgeIdentity(int index) {
        return Population.sample(new Random(mix(judgeSeed(), index)));
    }

    /** The id of judge identity {@code index}: {@code judge00000}, ... */
    public static String judgeId(int index) {
        return String.format(Locale.ROOT, "judge%05d", index);
    }

    private void writeJudges(Path dir) throws IOException {
        Path judges = dir.resolve(JudgeFaces.DIR);
        if (spec.judgeIdentities() == 0) {
            // A judge set left from an earlier run with other options would judge this corpus.
            Files.deleteIfExists(judges.resolve(JudgeFaces.FACES));
            return;
        }
        Files.createDirectories(judges);
        IdentityTraits[] traits = new IdentityTraits[spec.judgeIdentities()];
        try {
            IntStream.range(0, spec.judgeIdentities()).parallel().forEach(j -> {
                traits[j] = judgeIdentity(j);
                String id = judgeId(j);
                try {
                    writeImage(judges.resolve(JudgeFaces.canonicalName(id)), renderer.render(traits[j]));
                    for (int k = 0; k < spec.renderings(); k++) {
                        RenderingVariation variation = RenderingVariation.random(
                                new Random(mix(mix(judgeSeed(), j), -(k + 1))));
                        writeImage(judges.resolve(JudgeFaces.renderingName(id, k)),
                                renderer.render(traits[j], variation));
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        JudgeFaces.writeLists(dir, IntStream.range(0, traits.length).mapToObj(SyntheticCorpus::judgeId).toList(),
                List.of(traits), spec.renderings());
    }

    /** A seed stream of its own: identity indices are never negative, so (seed, -1) is no identity's seed. */
    private long judgeSeed() {
        return mix(spec.seed(), -1);
    }

    /** Another seed stream of its own, apart from the identities' and the judges'. */
    private long voiceSpeakerSeed() {
        return mix(spec.seed(), -2);
    }

    private void writeIdentity(Path dir, int index, IdentityTraits traits) {
        String id = identityId(index);
        long identitySeed = mix(spec.seed(), index);
        writeSpeech(dir, id, traits, spec.clipsPerIdentity(), identitySeed);
        try {
            writeFace(dir.resolve(facePath(id)), renderer.render(traits));
            for (int k = 0; k < spec.renderings(); k++) {
                RenderingVariation variation = variation(index, k);
                writeFace(dir.resolve(renderingPath(id, k)), renderer.render(traits, variation));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes {@code clips} clips of {@code traits}'s speech; clip {@code k} is seeded by (speakerSeed, k) only. */
    private void writeSpeech(Path dir, String id, IdentityTraits traits, int clips, long speakerSeed) {
        try {
            for (int k = 0; k < clips; k++) {
                float[] samples = synthesizer.synthesize(traits.voice(), traits.speech().speakerAccent(),
                        traits.speech().style(), spec.clipSeconds(), mix(speakerSeed, k + 1));
                WavWriter.write(dir.resolve(audioPath(id, k)), new Audio(samples, SpeechSynthesizer.SAMPLE_RATE));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The variation of rendering {@code k} of identity {@code index}: seeded by (seed, index, k) only. */
    public RenderingVariation variation(int index, int k) {
        return RenderingVariation.random(new Random(mix(mix(spec.seed(), index), -(k + 1))));
    }

    private static void writeFace(Path png, RenderedFace face) throws IOException {
        writeImage(png, face);
        String name = png.getFileName().toString();
        LandmarksCsv.write(png.resolveSibling(name.substring(0, name.length() - 4) + LANDMARKS_SUFFIX),
                face.landmarks136());
    }

    private static void writeImage(Path png, RenderedFace face) throws IOException {
        if (!javax.imageio.ImageIO.write(face.image(), "png", png.toFile())) {
            throw new IOException("no PNG writer available for " + png);
        }
    }

    static String renderingPath(String id, int k) {
        return FACES_DIR + "/" + id + "_r" + k + ".png";
    }

    static String audioPath(String id, int clip) {
        return AUDIO_DIR + "/" + id + "_" + clip + ".wav";
    }

    static String facePath(String id) {
        return FACES_DIR + "/" + id + ".png";
    }

    /** SplitMix64 finaliser of (seed, index): decorrelated seeds for neighbouring indices. */
    static long mix(long seed, long index) {
        long z = seed + (index + 1) * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
