package io.callface.trainer.listen;

import io.callface.trainer.eval.AttributeClassifiers;
import io.callface.trainer.onnx.ModelDirectory;
import io.callface.trainer.synth.CorpusManifest;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code trainer listen}'s work: refuses speech the corpus holds ({@link HeldOutGuard}), fits the attribute
 * classifiers on the corpus's training faces, hears every recording ({@link CallListener}) and writes the report.
 */
public final class Listening {
    private Listening() {
    }

    /**
     * Runs the check and returns the report's markdown; a recording that cannot be read is reported on {@code err}
     * and left out.
     */
    public static String run(ModelDirectory model, CorpusManifest corpus, SpeechManifest speech, Path out, PrintWriter err) {
        if (speech.files().isEmpty()) {
            throw new IllegalArgumentException("speech manifest " + speech.path() + " has no usable row ("
                    + speech.problems().size() + " bad)");
        }
        HeldOutGuard.requireUnseen(speech.files(), corpus);
        int size = model.manifest().imageHeight();
        AttributeClassifiers classifiers = AttributeClassifiers.fit(corpus, size).orElseThrow(() ->
                new IllegalArgumentException("corpus " + corpus.dir() + " cannot fit the attribute classifiers: it needs "
                        + "identities.csv with the traits of every training identity, and both sexes"));
        List<HeardCall> calls = new ArrayList<>();
        List<String> unreadable = new ArrayList<>();
        try (CallListener listener = new CallListener(model, classifiers)) {
            for (SpeechFile file : speech.files()) {
                try {
                    calls.add(listener.listen(file));
                } catch (IllegalArgumentException e) {
                    unreadable.add(e.getMessage());
                    err.println("skipped: " + e.getMessage());
                }
            }
        }
        List<String> context = new ArrayList<>(List.of(
                "model: " + model.path() + " (" + model.manifest().preset() + ", version " + model.manifest().version() + ")",
                "attribute classifiers: fitted on " + classifiers.trainingImages()
                        + " true face images (training identities and judge set) of "
                        + corpus.dir(),
                "speech: " + speech.path() + ", " + speech.files().size() + " file(s)"));
        if (!speech.problems().isEmpty()) {
            context.add("skipped " + speech.problems().size() + " bad manifest row(s): " + String.join("; ", speech.problems()));
        }
        if (!unreadable.isEmpty()) {
            context.add("skipped " + unreadable.size() + " unreadable recording(s): " + String.join("; ", unreadable));
        }
        return ListenReport.write(calls, ListenSummary.of(calls), context, size, out);
    }
}
