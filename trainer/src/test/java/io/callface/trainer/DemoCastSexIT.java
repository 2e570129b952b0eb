package io.callface.trainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.callface.avro.AvatarEvent;
import io.callface.serde.AvroSerde;
import io.callface.serde.SchemaRegistryClients;
import io.callface.stream.demo.CallerAudio;
import io.callface.stream.demo.DemoCallers;
import io.callface.stream.demo.DemoModel;
import io.callface.stream.demo.DemoStack;
import io.callface.stream.model.ModelManifest;
import io.callface.stream.window.SpeakerId;
import io.callface.trainer.eval.AttributeClassifiers;
import io.callface.trainer.synth.CorpusManifest;
import io.callface.trainer.synth.CorpusSpec;
import io.callface.trainer.synth.Sex;
import io.callface.trainer.synth.SyntheticCorpus;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import javax.imageio.ImageIO;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo's promise, checked on the embedded stack: callers of opposite sex get faces that the evaluation's sex
 * classifier tells apart. Ten pairs of synthetic callers (one man, one woman, ages drawn from 18-80, voices from
 * the world's voice model) speak through the real broker to the stream processor serving the demo model shipped in
 * the avatar-stream jar; the classifier is the one {@code trainer evaluate} uses, fitted on the true faces of a
 * freshly synthesised corpus (never on the model's output). A pair is told apart when the man's face is judged
 * male and the woman's female.
 */
class DemoCastSexIT {
    private static final int PAIRS = 10;
    private static final int REQUIRED = 9;
    private static final double SPEAK_SECONDS = 12;

    @TempDir
    Path work;

    @Test
    void facesOfOppositeSexCallersAreToldApart() throws Exception {
        Path modelDir = DemoModel.ensure(work.resolve("cache"), System.out);
        int size = ModelManifest.read(modelDir).imageHeight();
        AttributeClassifiers classifiers = classifiers(size);

        Random random = new Random(14);
        List<CallerAudio> callers = new ArrayList<>();
        for (int pair = 0; pair < PAIRS; pair++) {
            for (boolean male : new boolean[] {true, false}) {
                double age = 18 + 62 * random.nextDouble();
                callers.add(DemoCallers.speaker(new SpeakerId("pair-" + pair, male ? "man" : "woman"), male, age,
                        SPEAK_SECONDS, random));
            }
        }
        Map<String, AvatarEvent> lastFull = new HashMap<>();
        try (DemoStack stack = DemoStack.start(
                new DemoStack.Settings(0, 0, 0, work.resolve("data"), modelDir, work.resolve("avatars")), System.out)) {
            stack.feed(callers, 10.0);
            try (KafkaConsumer<String, AvatarEvent> consumer = avatarConsumer(stack)) {
                consumer.subscribe(List.of(stack.config().avatarsTopic()));
                await().atMost(Duration.ofMinutes(3)).until(() -> {
                    for (ConsumerRecord<String, AvatarEvent> record : consumer.poll(Duration.ofMillis(200))) {
                        if (!record.value().getProvisional()) {
                            lastFull.put(record.key(), record.value());
                        }
                    }
                    return lastFull.values().stream().filter(AvatarEvent::getEndOfStream).count() == 2L * PAIRS;
                });
            }
        }

        int toldApart = 0;
        StringBuilder verdicts = new StringBuilder();
        for (int pair = 0; pair < PAIRS; pair++) {
            double man = classifiers.judge(pixels(lastFull.get("pair-" + pair + "/man"), size)).maleProbability();
            double woman = classifiers.judge(pixels(lastFull.get("pair-" + pair + "/woman"), size)).maleProbability();
            boolean apart = man > 0.5 && woman <= 0.5;
            toldApart += apart ? 1 : 0;
            verdicts.append(String.format("pair %d: P(male) man %.2f, woman %.2f%n", pair, man, woman));
        }
        System.out.print(verdicts);
        assertThat(toldApart).as("pairs told apart by the sex classifier%n%s", verdicts).isGreaterThanOrEqualTo(REQUIRED);
    }

    /** The evaluation's attribute classifiers, fitted on the training faces of a small fresh corpus. */
    private AttributeClassifiers classifiers(int size) throws IOException {
        Path corpusDir = work.resolve("corpus");
        new SyntheticCorpus(new CorpusSpec(300, 1, 0.5, 2026, size, 0.1, 0.2, 2)).write(corpusDir, done -> { });
        return AttributeClassifiers.fit(CorpusManifest.read(corpusDir), size).orElseThrow();
    }

    private static float[] pixels(AvatarEvent event, int size) throws IOException {
        ByteBuffer bytes = event.getFaceImagePng();
        byte[] png = new byte[bytes.remaining()];
        bytes.duplicate().get(png);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image.getWidth()).isEqualTo(size);
        int plane = size * size;
        float[] chw = new float[3 * plane];
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                int rgb = image.getRGB(x, y);
                chw[y * size + x] = ((rgb >> 16) & 0xff) / 255f;
                chw[plane + y * size + x] = ((rgb >> 8) & 0xff) / 255f;
                chw[2 * plane + y * size + x] = (rgb & 0xff) / 255f;
            }
        }
        return chw;
    }

    private static KafkaConsumer<String, AvatarEvent> avatarConsumer(DemoStack stack) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "demo-cast-sex-it");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return new KafkaConsumer<>(props, new StringDeserializer(),
                new AvroSerde<>(SchemaRegistryClients.forUrl(stack.registryUrl()), AvatarEvent.class).deserializer());
    }
}
