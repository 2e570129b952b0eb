package io.callface.trainer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.callface.model.AttributeContract;
import io.callface.trainer.onnx.ModelDirectory;
import io.callface.trainer.synth.CorpusSpec;
import io.callface.trainer.synth.SyntheticCorpus;
import io.callface.trainer.train.TrainedTinyModel;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class AttributesCommandTest {
    @TempDir
    Path tmp;

    @Test
    void addsTheHeadsFittedOnASyntheticCorpus() throws Exception {
        CorpusSpec defaults = CorpusSpec.defaults();
        Path corpus = tmp.resolve("corpus");
        new SyntheticCorpus(new CorpusSpec(40, 1, 2.0, 3, defaults.faceSize(), 0.15, 0.25)).write(corpus, done -> { });
        Path model = TrainedTinyModel.get().copyModel(tmp.resolve("model"));

        int exit = new CommandLine(new AttributesCommand()).execute("--data", corpus.toString(), "--model",
                model.toString());

        assertThat(exit).isZero();
        assertThat(ModelDirectory.open(model).manifest().sha256()).containsKey(AttributeContract.ATTRIBUTES_FILE);
    }

    @Test
    void aCorpusWithoutTraitsIsAClearFailure() {
        Path model = TrainedTinyModel.get().copyModel(tmp.resolve("model"));
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new AttributesCommand()).setErr(new PrintWriter(err));

        int exit = cli.execute("--data", TrainedTinyModel.get().corpus().toString(), "--model", model.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).contains("identities.csv");
        assertThat(model.resolve(AttributeContract.ATTRIBUTES_FILE)).doesNotExist();
    }
}
