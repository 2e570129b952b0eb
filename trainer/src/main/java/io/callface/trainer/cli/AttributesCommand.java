package io.callface.trainer.cli;

import io.callface.model.AttributeContract;
import io.callface.trainer.attributes.AttributeHeadsExport;
import io.callface.trainer.onnx.ModelDirectory;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code attributes}: fits the speech2cartoon heads of a model directory on a corpus and writes attributes.onnx, as
 * {@code train} does at its end; for models trained before the heads existed, or exported from a checkpoint.
 */
@Command(name = "attributes", mixinStandardHelpOptions = true,
        description = "Fit the attribute heads (sex, age, hair, facial hair, skin tone, face shape) of a model directory "
                + "on a corpus with identities.csv and validation clips, and add attributes.onnx to the directory.")
public final class AttributesCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--data", required = true, description = "Corpus directory with manifest.csv and identities.csv.")
    Path data;

    @Option(names = "--model", required = true, description = "Model directory written by train or export.")
    Path model;

    @Override
    public Integer call() {
        ModelDirectory before = ModelDirectory.open(model);
        ModelDirectory after = AttributeHeadsExport.addTo(before, CorpusLoader.load(data, spec.commandLine().getErr()));
        if (after == before) {
            spec.commandLine().getErr().println("attributes: the corpus cannot fit the heads (it needs identities.csv "
                    + "with every identity, validation clips, and both values of sex and of facial hair among the training "
                    + "identities and among the validation clips)");
            return 1;
        }
        System.out.println("wrote " + after.path().resolve(AttributeContract.ATTRIBUTES_FILE));
        return 0;
    }
}
