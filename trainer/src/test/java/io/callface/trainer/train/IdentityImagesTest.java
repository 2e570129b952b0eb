package io.callface.trainer.train;

import static org.assertj.core.api.Assertions.assertThat;

import io.callface.trainer.synth.CorpusClip;
import io.callface.trainer.synth.CorpusManifest;
import io.callface.trainer.synth.Split;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdentityImagesTest {
    @TempDir
    Path tmp;

    @Test
    void viewsAreTheCanonicalFaceThenTheRenderingsInCorpusOrder() throws Exception {
        Path dir = TestCorpus.write(tmp, 3, 1, 1, 5);
        TestCorpus.writeRenderings(dir, 3, 8);
        CorpusManifest corpus = CorpusManifest.read(dir);
        CorpusClip clip = corpus.clips(Split.TRAIN).get(0);

        IdentityImages images = IdentityImages.load(clip, corpus.renderings(clip.identity()), 32);

        assertThat(images.identity()).isEqualTo(clip.identity());
        assertThat(images.viewCount()).isEqualTo(4);
        float[] canonical = new float[3 * 32 * 32];
        images.canonical().copyImage(canonical, 0);
        float[] view0 = new float[canonical.length];
        images.copyView(0, view0, 0);
        assertThat(view0).containsExactly(canonical);
        float[] rendering = new float[canonical.length];
        images.copyView(1, rendering, 0);
        float[] expected = new float[canonical.length];
        PackedImage.read(corpus.renderings(clip.identity()).get(0), 32).copyTo(expected, 0);
        assertThat(rendering).containsExactly(expected).isNotEqualTo(canonical);
    }

    @Test
    void anIdentityWithoutRenderingsHasOneView() throws Exception {
        CorpusManifest corpus = CorpusManifest.read(TestCorpus.write(tmp, 3, 1, 1, 5));
        CorpusClip clip = corpus.clips(Split.TRAIN).get(0);
        assertThat(IdentityImages.load(clip, corpus.renderings(clip.identity()), 32).viewCount()).isEqualTo(1);
    }
}
