package io.callface.trainer.train;

import io.callface.trainer.synth.CorpusClip;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What the face stage knows of one training identity: the canonical face (frontal, neutral, evenly lit) with
 * its landmarks, which the decoder learns to draw, and the views the face encoder learns to recognise the
 * identity from: the canonical face itself and the corpus's further renderings (pose, light, expression).
 * Cole et al. (CVPR 2017) train their decoder this way: from the feature of any image of a person to that
 * person's normalised face.
 */
final class IdentityImages {
    private final FaceSample canonical;
    private final List<PackedImage> renderings;

    private IdentityImages(FaceSample canonical, List<PackedImage> renderings) {
        this.canonical = canonical;
        this.renderings = List.copyOf(renderings);
    }

    /**
     * Loads the canonical face of {@code clip} and the {@code renderings} of its identity (absolute PNG paths,
     * as {@code CorpusManifest.renderings} gives them), all at {@code size} x {@code size}.
     */
    static IdentityImages load(CorpusClip clip, List<Path> renderings, int size) {
        List<PackedImage> images = new ArrayList<>();
        for (Path file : renderings) {
            images.add(PackedImage.read(file, size));
        }
        return new IdentityImages(FaceSample.load(clip, size), images);
    }

    String identity() {
        return canonical.identity();
    }

    /** The decoder's target, and the image whose feature is {@code v_f} in the voice stage. */
    FaceSample canonical() {
        return canonical;
    }

    /** Views the encoder can be shown: 1 (the canonical face) plus the renderings. */
    int viewCount() {
        return 1 + renderings.size();
    }

    /** Copies view {@code view} (0 is the canonical face, then the renderings in corpus order) into {@code dest}. */
    void copyView(int view, float[] dest, int offset) {
        if (view == 0) {
            canonical.copyImage(dest, offset);
        } else {
            renderings.get(view - 1).copyTo(dest, offset);
        }
    }
}
