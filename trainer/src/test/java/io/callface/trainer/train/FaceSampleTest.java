package io.callface.trainer.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.callface.trainer.synth.CorpusClip;
import io.callface.trainer.synth.CorpusFormatException;
import io.callface.trainer.synth.CorpusManifest;
import io.callface.trainer.synth.LandmarksCsv;
import io.callface.trainer.synth.Split;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FaceSampleTest {
    @TempDir
    Path tmp;

    private CorpusClip clip;

    @BeforeEach
    void readCorpus() throws IOException {
        clip = CorpusManifest.read(TestCorpus.write(tmp, 3, 1, 1, 5)).clips(Split.TRAIN).get(0);
    }

    @Test
    void loadsTheResizedImageInUnitRangeAndTheLandmarksOfTheClip() throws IOException {
        FaceSample face = FaceSample.load(clip, 32);

        assertThat(face.identity()).isEqualTo(clip.identity());
        assertThat(face.size()).isEqualTo(32);
        float[] image = new float[3 * 32 * 32];
        face.copyImage(image, 0);
        for (float v : image) {
            assertThat(v).isBetween(0f, 1f);
        }
        // The test face is a skin-coloured oval on a blue background: the centre is redder than a corner.
        int centre = 16 * 32 + 16;
        assertThat(image[centre]).isGreaterThan(image[0]);
        float[] landmarks = new float[2 * LandmarksCsv.POINTS];
        assertThat(face.copyLandmarks(landmarks, 0)).isTrue();
        assertThat(landmarks).containsExactly(LandmarksCsv.read(clip.landmarks()));
    }

    @Test
    void aFaceAlignedFromFivePointsHasNoLandmarksToCopy() throws IOException {
        LandmarksCsv.writeUnknown(clip.landmarks());
        FaceSample face = FaceSample.load(clip, 32);

        float[] landmarks = {7f};
        assertThat(face.hasLandmarks()).isFalse();
        assertThat(face.copyLandmarks(landmarks, 0)).isFalse();
        assertThat(landmarks).containsExactly(7f);
    }

    @Test
    void aFaceThatIsNotAnImageIsNamed() throws IOException {
        Files.write(clip.face(), new byte[] {1, 2, 3});
        CorpusFormatException e = assertThrows(CorpusFormatException.class, () -> FaceSample.load(clip, 32));
        assertThat(e.getMessage()).contains(clip.face().toString()).contains("not a readable image");
    }

    @Test
    void badLandmarksAreReportedWithFileAndLine() throws IOException {
        String text = Files.readString(clip.landmarks());
        Files.writeString(clip.landmarks(), text.replaceFirst("\\A[^\\n]*", "0.5,1.5"));
        CorpusFormatException e = assertThrows(CorpusFormatException.class, () -> FaceSample.load(clip, 32));
        assertThat(e.getMessage()).contains(clip.landmarks() + " line 1").contains("outside [0, 1]");
    }

    @Test
    void missingLandmarksAreACorpusProblem() throws IOException {
        Files.delete(clip.landmarks());
        CorpusFormatException e = assertThrows(CorpusFormatException.class, () -> FaceSample.load(clip, 32));
        assertThat(e.getMessage()).startsWith("cannot read landmarks " + clip.landmarks());
    }
}
