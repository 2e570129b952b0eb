package io.callface.trainer.attributes;

import io.callface.model.AttributeContract;
import io.callface.model.ModelContract;
import io.callface.model.ModelManifest;
import io.callface.trainer.eval.AttributeHeads;
import io.callface.trainer.eval.AttributeReadout;
import io.callface.trainer.eval.OnnxFeatureExtractor;
import io.callface.trainer.onnx.Dim;
import io.callface.trainer.onnx.ModelDirectory;
import io.callface.trainer.onnx.OnnxGraphBuilder;
import io.callface.trainer.synth.CorpusManifest;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Fits a model's {@link AttributeHeads} on the corpus it was trained on and adds them to its directory as
 * {@value AttributeContract#ATTRIBUTES_FILE} ({@link AttributeContract}): input {@code face_feature} {@code [N, D]}, one output per {@link AttributeReadout} (a Gemm on
 * the raw feature, then Sigmoid, Softmax over the classes, or Clip), listed with its SHA-256 in {@code model.json}.
 */
public final class AttributeHeadsExport {
    private AttributeHeadsExport() {
    }

    /**
     * Fits and writes the heads; {@code model} unchanged when the corpus cannot fit them (no {@code identities.csv}
     * traits, no validation clips, or a binary attribute with one value among the training identities).
     */
    public static ModelDirectory addTo(ModelDirectory model, CorpusManifest corpus) {
        Optional<AttributeHeads> heads;
        try (OnnxFeatureExtractor extractor = new OnnxFeatureExtractor(model)) {
            heads = AttributeHeads.fitOn(corpus, extractor, model.manifest().imageHeight());
        }
        return heads.map(h -> write(h, model)).orElse(model);
    }

    static ModelDirectory write(AttributeHeads heads, ModelDirectory model) {
        ModelManifest m = model.manifest();
        Dim batch = Dim.dynamic("N");
        OnnxGraphBuilder graph = new OnnxGraphBuilder("callface_attribute_heads")
                .input(ModelContract.FACE_FEATURE, List.of(batch, Dim.fixed(m.featureDim())));
        for (AttributeReadout r : heads.readouts()) {
            graph.output(r.output(), List.of(batch, Dim.fixed(r.map().outputs())));
            String affine = graph.gemm(ModelContract.FACE_FEATURE, r.output() + "_affine", r.map().weights(),
                    r.map().bias());
            switch (r.activation()) {
                case SIGMOID -> graph.sigmoid(affine, r.output());
                case SOFTMAX -> graph.softmax(affine, r.output());
                case CLIP -> graph.clip(affine, r.output(), r.min(), r.max());
            }
        }
        Map<String, String> metadata = new TreeMap<>(Map.of(
                ModelContract.META_VERSION, m.version(),
                ModelContract.META_PRESET, m.preset(),
                ModelContract.META_FEATURE_DIM, Integer.toString(m.featureDim())));
        Path file = model.path().resolve(AttributeContract.ATTRIBUTES_FILE);
        try (OutputStream out = Files.newOutputStream(file)) {
            graph.toModel(metadata, m.version()).writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        Map<String, String> sha256 = new TreeMap<>(m.sha256());
        sha256.put(AttributeContract.ATTRIBUTES_FILE, ModelDirectory.sha256(file));
        ModelManifest updated = new ModelManifest(m.version(), m.preset(), m.featureDim(), m.imageHeight(),
                m.imageWidth(), m.opset(), m.createdAt(), sha256, m.metrics());
        updated.write(model.path());
        return new ModelDirectory(model.path(), updated);
    }
}
