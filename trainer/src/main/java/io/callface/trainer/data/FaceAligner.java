package io.callface.trainer.data;

import java.awt.image.BufferedImage;
import java.util.Optional;

/**
 * Aligns a photo to the decoder's canonical crop, as the paper prepared its faces (detect, crop, align, resize):
 * the least-squares {@link SimilarityTransform} from the photo's five anchors to the {@link CanonicalFrame}
 * anchors, then the photo resampled into the crop.
 *
 * <p>Resampling maps each crop pixel centre back into the photo and interpolates bilinearly; outside the photo
 * the edge pixels are repeated. Bilinear interpolation only looks at 2 x 2 pixels, so when the crop is less than
 * half the photo's resolution ({@code scale < }{@value #MIN_BILINEAR_SCALE}) fine detail would alias; then the
 * photo is first averaged over {@code k x k} blocks, {@code k = floor(1 / scale)}, which brings the remaining
 * scale into (0.5, 1]. Blocks cut by the photo's right or bottom edge average the pixels they hold, so their
 * centres are up to {@code k / 2} pixels off: only the outermost photo pixels are affected. Colours are averaged
 * in sRGB as stored.
 */
public final class FaceAligner {
    static final double MIN_BILINEAR_SCALE = 0.5;

    private FaceAligner() {
    }

    public static AlignedFace align(BufferedImage photo, FaceLandmarks landmarks, int size) {
        if (photo == null || landmarks == null) {
            throw new IllegalArgumentException("photo, landmarks: must not be null");
        }
        if (size < 1) {
            throw new IllegalArgumentException("size: " + size + " is not positive");
        }
        double[][] anchors = landmarks.anchors();
        double[][] canonical = CanonicalFrame.anchors(size);
        SimilarityTransform toCrop = SimilarityTransform.fit(anchors, canonical);
        int block = toCrop.scale() < MIN_BILINEAR_SCALE ? (int) Math.floor(1 / toCrop.scale()) : 1;
        BufferedImage image = resample(Planes.averaged(photo, block), block, toCrop.inverse(), size);
        Optional<float[]> mapped = landmarks.hasFullSet() ? Optional.of(map(landmarks, toCrop, size)) : Optional.empty();
        return new AlignedFace(image, mapped, residual(anchors, canonical, toCrop));
    }

    /** Each crop pixel centre mapped into the photo, then into the block-averaged planes. */
    private static BufferedImage resample(Planes source, int block, SimilarityTransform toPhoto, int size) {
        BufferedImage out = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        int[] row = new int[size];
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                double[] p = toPhoto.apply(x + 0.5, y + 0.5);
                row[x] = source.bilinear(p[0] / block, p[1] / block);
            }
            out.setRGB(0, y, size, 1, row, 0, size);
        }
        return out;
    }

    private static float[] map(FaceLandmarks landmarks, SimilarityTransform toCrop, int size) {
        double[] xy = landmarks.xy();
        float[] out = new float[xy.length];
        for (int i = 0; i < xy.length; i += 2) {
            double[] p = toCrop.apply(xy[i], xy[i + 1]);
            out[i] = (float) (p[0] / size);
            out[i + 1] = (float) (p[1] / size);
        }
        return out;
    }

    private static double residual(double[][] anchors, double[][] canonical, SimilarityTransform toCrop) {
        double sum = 0;
        for (int i = 0; i < anchors.length; i++) {
            double[] p = toCrop.apply(anchors[i][0], anchors[i][1]);
            sum += Math.pow(p[0] - canonical[i][0], 2) + Math.pow(p[1] - canonical[i][1], 2);
        }
        return Math.sqrt(sum / anchors.length);
    }

    /** An RGB image as three float planes, row-major. */
    private record Planes(int width, int height, float[] red, float[] green, float[] blue) {
        /** The photo averaged over {@code block x block} pixel blocks (edge blocks over the pixels they hold). */
        static Planes averaged(BufferedImage photo, int block) {
            int width = (photo.getWidth() + block - 1) / block;
            int height = (photo.getHeight() + block - 1) / block;
            float[] red = new float[width * height];
            float[] green = new float[width * height];
            float[] blue = new float[width * height];
            int[] count = new int[width * height];
            int[] row = new int[photo.getWidth()];
            for (int y = 0; y < photo.getHeight(); y++) {
                photo.getRGB(0, y, row.length, 1, row, 0, row.length);
                int offset = (y / block) * width;
                for (int x = 0; x < row.length; x++) {
                    int i = offset + x / block;
                    red[i] += (row[x] >> 16) & 0xff;
                    green[i] += (row[x] >> 8) & 0xff;
                    blue[i] += row[x] & 0xff;
                    count[i]++;
                }
            }
            for (int i = 0; i < count.length; i++) {
                red[i] /= count[i];
                green[i] /= count[i];
                blue[i] /= count[i];
            }
            return new Planes(width, height, red, green, blue);
        }

        /** The colour at continuous coordinates {@code (u, v)} (pixel centres at +0.5), edges repeated outside. */
        int bilinear(double u, double v) {
            double fx = u - 0.5;
            double fy = v - 0.5;
            double x0 = Math.floor(fx);
            double y0 = Math.floor(fy);
            double tx = fx - x0;
            double ty = fy - y0;
            int left = clamp(x0, width);
            int right = clamp(x0 + 1, width);
            int top = clamp(y0, height) * width;
            int bottom = clamp(y0 + 1, height) * width;
            double w00 = (1 - tx) * (1 - ty);
            double w10 = tx * (1 - ty);
            double w01 = (1 - tx) * ty;
            double w11 = tx * ty;
            int r = channel(red, top + left, top + right, bottom + left, bottom + right, w00, w10, w01, w11);
            int g = channel(green, top + left, top + right, bottom + left, bottom + right, w00, w10, w01, w11);
            int b = channel(blue, top + left, top + right, bottom + left, bottom + right, w00, w10, w01, w11);
            return (r << 16) | (g << 8) | b;
        }

        private static int channel(float[] plane, int i00, int i10, int i01, int i11,
                                   double w00, double w10, double w01, double w11) {
            double value = w00 * plane[i00] + w10 * plane[i10] + w01 * plane[i01] + w11 * plane[i11];
            return (int) Math.max(0, Math.min(255, Math.round(value)));
        }

        private static int clamp(double index, int length) {
            return (int) Math.max(0, Math.min(length - 1, index));
        }
    }
}
