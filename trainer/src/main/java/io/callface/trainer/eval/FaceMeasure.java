package io.callface.trainer.eval;

import io.callface.model.features.FaceMeasurements;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * One craniofacial measure of the paper's Figure 5, taken from the stream processor's own
 * {@link FaceMeasurements} (formulas in {@link io.callface.model.features.FaceMeasuresCalculator}), with the
 * correlation the paper reports between faces decoded from the true feature and from speech.
 *
 * @param name   the paper's name for it
 * @param paperR the paper's Pearson r (F2F vs S2F, 1,000 test faces); NaN where the paper reports none
 * @param value  reads it from a face's measurements
 */
public record FaceMeasure(String name, double paperR, ToDoubleFunction<FaceMeasurements> value) {
    /** Every measure the stream computes, in the order of the paper's figure where it has one. */
    public static final List<FaceMeasure> ALL = List.of(
            new FaceMeasure("nasal index", 0.38, FaceMeasurements::nasalIndex),
            new FaceMeasure("nose width", 0.35, FaceMeasurements::noseWidth),
            new FaceMeasure("nose area", 0.28, FaceMeasurements::noseArea),
            new FaceMeasure("intercanthal index", 0.21, FaceMeasurements::intercanthalIndex),
            new FaceMeasure("mouth-face width index", 0.20, FaceMeasurements::mouthFaceWidthIndex),
            new FaceMeasure("upper lip height", 0.16, FaceMeasurements::upperLipHeight),
            new FaceMeasure("nose height", 0.14, FaceMeasurements::noseHeight),
            new FaceMeasure("jaw width", 0.11, FaceMeasurements::jawWidth),
            new FaceMeasure("face width-to-height", Double.NaN, FaceMeasurements::faceWidthToHeight));

    /** The metric-name form of {@link #name()}, e.g. {@code mouth_face_width_index}. */
    public String key() {
        return name.replaceAll("[^a-z]+", "_");
    }
}
