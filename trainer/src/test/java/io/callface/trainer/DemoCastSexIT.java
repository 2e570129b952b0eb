package io.callface.trainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.callface.avro.AvatarEvent;
import io.callface.stream.demo.DemoCallers;
import io.callface.stream.demo.DemoModel;
import io.callface.stream.demo.DemoStack;
import io.callface.trainer.eval.AttributeClassifiers;
import io.callface.trainer.synth.CorpusManifest;
import io.callface.trainer.synth.CorpusSpec;
import io.callface.trainer.synth.Sex;
import io.callface.trainer.synth.SyntheticCorpus;
import io.callface.trainer.train.PackedImage;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo as a user sees it, judged as the evaluation judges: the shipped demo model on the embedded stack serves
 * four rounds of the demo cast ({@link DemoCallers#CAST}, women and men of 27 to 71, each round new voices for them),
 * and the evaluation's attribute classifiers, fitted on the true faces of a fresh synthetic corpus (its training
 * identities and judge set), must tell the man's face from the woman's in at least 9 of 10 of a round's
 * opposite-sex pairs.
 */
class DemoCastSexIT {
    private static final int ROUNDS = 4;
    private static final int CLASSIFIER_IDENTITIES = 300;

    @TempDir
    Path work;

    @Test
    void facesOfOppositeSexCallersAreToldApart() throws Exception {
        Path modelDir = DemoModel.ensure(work.resolve("cache"), quiet());
        Map<String, BufferedImage> faces = new LinkedHashMap<>();
        Map<String, Double> headMaleProbability = new LinkedHashMap<>();
        try (DemoStack stack = DemoStack.start(
                new DemoStack.Settings(0, 0, 0, work.resolve("data"), modelDir, work.resolve("avatars")), quiet())) {
            for (int round = 1; round <= ROUNDS; round++) {
                stack.feed(round, 12.5, List.of(), 10.0);
            }
            try (KafkaConsumer<String, AvatarEvent> consumer = AvatarConsumers.of(stack, "demo-cast-sex-it")) {
                consumer.subscribe(List.of(stack.config().avatarsTopic()));
                await().atMost(Duration.ofMinutes(3)).until(() -> {
                    for (ConsumerRecord<String, AvatarEvent> record : consumer.poll(Duration.ofMillis(200))) {
                        AvatarEvent event = record.value();
                        if (!event.getProvisional() && event.getWindowIndex() == 0) {
                            faces.put(record.key(), png(event.getFaceImagePng()));
                            if (event.getAttributes() != null) {
                                headMaleProbability.put(record.key(), (double) event.getAttributes().getMaleProbability());
                            }
                        }
                    }
                    return faces.size() == ROUNDS * DemoCallers.CAST.size();
                });
            }
        }

        Path corpusDir = work.resolve("corpus");
        new SyntheticCorpus(CorpusSpec.defaults().withIdentities(CLASSIFIER_IDENTITIES)).write(corpusDir, done -> { });
        int size = faces.values().iterator().next().getWidth();
        int toldApart = 0;
        int pairs = 0;
        List<String> verdicts = new ArrayList<>();
        AttributeClassifiers classifiers = AttributeClassifiers.fit(CorpusManifest.read(corpusDir), size).orElseThrow();
        Map<String, Sex> judged = new LinkedHashMap<>();
        faces.forEach((key, image) -> judged.put(key, classifiers.judge(pixels(image)).sex()));
        for (int round = 1; round <= ROUNDS; round++) {
            for (DemoCallers.CastMember man : DemoCallers.CAST) {
                for (DemoCallers.CastMember woman : DemoCallers.CAST) {
                    if (!man.male() || woman.male()) {
                        continue;
                    }
                    Sex manJudged = judged.get(key(man, round));
                    Sex womanJudged = judged.get(key(woman, round));
                    pairs++;
                    toldApart += manJudged == Sex.MALE && womanJudged == Sex.FEMALE ? 1 : 0;
                    verdicts.add(man.name() + "-" + round + " " + manJudged + headVerdict(headMaleProbability, key(man, round))
                            + " / " + woman.name() + "-" + round + " " + womanJudged
                            + headVerdict(headMaleProbability, key(woman, round)));
                }
            }
        }
        // Two men and three women a round.
        assertThat(pairs).isEqualTo(6 * ROUNDS);
        // The tally is the figure the demo model's README and BENCHMARKS.md quote.
        System.out.printf(Locale.ROOT, "DemoCastSexIT: %d of %d opposite-sex pairs told apart: %s%n", toldApart, pairs,
                verdicts);
        assertThat(10 * toldApart).as("opposite-sex pairs told apart: " + verdicts).isGreaterThanOrEqualTo(9 * pairs);
    }

    /** The attribute head's own reading of the voice, beside the face's verdict, to tell encoder from decoder errors. */
    private static String headVerdict(Map<String, Double> maleProbability, String key) {
        Double p = maleProbability.get(key);
        return p == null ? "" : String.format(Locale.ROOT, " (head P(male) %.2f)", p);
    }

    private static String key(DemoCallers.CastMember member, int round) {
        return member.call() + "-" + round + "/" + member.name();
    }

    /** The PNG as {@code [3, H, W]} floats in [0, 1], as the face stage and the evaluation read faces. */
    private static float[] pixels(BufferedImage image) {
        int size = image.getWidth();
        float[] chw = new float[3 * size * size];
        PackedImage.of(image, size).copyTo(chw, 0);
        return chw;
    }

    private static BufferedImage png(ByteBuffer bytes) throws IOException {
        byte[] array = new byte[bytes.remaining()];
        bytes.duplicate().get(array);
        return ImageIO.read(new ByteArrayInputStream(array));
    }

    private static PrintStream quiet() {
        return new PrintStream(OutputStream.nullOutputStream());
    }
}
