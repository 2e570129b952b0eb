package io.callface.trainer.attributes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.callface.model.AttributeContract;
import io.callface.model.ModelContract;
import io.callface.trainer.eval.AttributeHeads;
import io.callface.trainer.eval.AttributeReadout;
import io.callface.trainer.eval.AttributeTruth;
import io.callface.trainer.eval.CallerAttributes;
import io.callface.trainer.eval.FaceShapeClass;
import io.callface.trainer.onnx.ModelDirectory;
import io.callface.trainer.synth.CorpusManifest;
import io.callface.trainer.synth.HairLength;
import io.callface.trainer.train.TrainedTinyModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AttributeHeadsExportTest {
    /** ONNX Runtime computes in float32; the heads in double. */
    private static final double PARITY = 1e-4;

    @TempDir
    Path tmp;

    @Test
    void theExportedGraphStatesWhatTheHeadsState() throws OrtException {
        ModelDirectory tiny = ModelDirectory.open(TrainedTinyModel.get().copyModel(tmp.resolve("model")));
        int d = tiny.manifest().featureDim();
        Random random = new Random(5);
        AttributeHeads heads = AttributeHeads.fit(features(200, d, random), truths(200, random),
                features(100, d, random), truths(100, random));

        ModelDirectory withHeads = AttributeHeadsExport.write(heads, tiny);

        assertThat(withHeads.manifest().sha256()).containsKey(AttributeContract.ATTRIBUTES_FILE);
        assertThat(ModelDirectory.open(withHeads.path()).manifest()).isEqualTo(withHeads.manifest());
        float[][] queries = features(5, d, random).toArray(float[][]::new);
        try (OrtEnvironment env = OrtEnvironment.getEnvironment();
                OrtSession session = env.createSession(withHeads.path().resolve(AttributeContract.ATTRIBUTES_FILE).toString());
                OnnxTensor input = OnnxTensor.createTensor(env, queries);
                OrtSession.Result result = session.run(Map.of(ModelContract.FACE_FEATURE, input))) {
            assertThat(session.getOutputNames()).containsExactlyElementsOf(
                    heads.readouts().stream().map(AttributeReadout::output).toList());
            for (AttributeReadout readout : heads.readouts()) {
                float[][] onnx = (float[][]) result.get(readout.output()).orElseThrow().getValue();
                for (int q = 0; q < queries.length; q++) {
                    double[] expected = readout.apply(queries[q]);
                    assertThat(onnx[q]).as(readout.output()).hasSize(expected.length);
                    for (int k = 0; k < expected.length; k++) {
                        assertThat((double) onnx[q][k]).as(readout.output()).isCloseTo(expected[k], within(PARITY));
                    }
                }
            }
        }
        CallerAttributes stated = heads.predict(queries[0]);
        assertThat(stated.hairLength().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(1, within(1e-9));
    }

    @Test
    void classProbabilitiesComeInTheContractsOrder() {
        assertThat(Arrays.stream(HairLength.values()).map(Enum::name))
                .containsExactlyElementsOf(Arrays.stream(AttributeContract.HairLength.values()).map(Enum::name).toList());
        assertThat(Arrays.stream(FaceShapeClass.values()).map(Enum::name))
                .containsExactlyElementsOf(Arrays.stream(AttributeContract.FaceShape.values()).map(Enum::name).toList());
    }

    @Test
    void aCorpusWithoutTraitsLeavesTheModelAsItWas() throws Exception {
        TrainedTinyModel fixture = TrainedTinyModel.get();
        ModelDirectory tiny = ModelDirectory.open(fixture.copyModel(tmp.resolve("plain")));
        ModelDirectory after = AttributeHeadsExport.addTo(tiny, CorpusManifest.read(fixture.corpus()));
        assertThat(after.manifest()).isEqualTo(tiny.manifest());
        assertThat(after.path().resolve(AttributeContract.ATTRIBUTES_FILE)).doesNotExist();
    }

    private static List<float[]> features(int n, int d, Random random) {
        List<float[]> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            float[] f = new float[d];
            for (int j = 0; j < d; j++) {
                f[j] = (float) random.nextGaussian();
            }
            rows.add(f);
        }
        return rows;
    }

    private static List<AttributeTruth> truths(int n, Random random) {
        List<AttributeTruth> truths = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            boolean male = random.nextBoolean();
            truths.add(new AttributeTruth(male, 18 + 62 * random.nextDouble(), random.nextDouble(),
                    HairLength.values()[random.nextInt(HairLength.values().length)], male && random.nextBoolean(),
                    -40 + 100 * random.nextDouble(),
                    FaceShapeClass.values()[random.nextInt(FaceShapeClass.values().length)]));
        }
        return truths;
    }
}
