package io.callface.trainer.data;

import java.awt.Rectangle;
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
        SimilarityTransform toPhoto = toCrop.inverse();
        Planes source = Planes.averaged(photo, window(photo, toPhoto, size, block), block);
        BufferedImage image = resample(source, toPhoto, size);
        Optional<float[]> mapped = landmarks.hasFullSet()
                ? Optional.of(map(landmarks, toCrop, size)) : Optional.empty();
        return new AlignedFace(image, mapped, residual(anchors, canonical, toCrop));
    }

    /**
     * The part of the photo that the crop samples, so that a small face in a large photo costs little: the crop's
     * bounding box in the photo with a margin of two blocks for the interpolation, widened to whole blocks, within
     * the photo and never empty (a crop wholly outside the photo samples its nearest edge).
     */
    private static Rectangle window(BufferedImage photo, SimilarityTransform toPhoto, int size, int block) {
        double minX = Double.POSITIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (int corner = 0; corner < 4; corner++) {
            double[] p = toPhoto.apply(corner % 2 * size, corner / 2 * size);
            minX = Math.min(minX, p[0]);
            minY = Math.min(minY, p[1]);
            maxX = Math.max(maxX, p[0]);
            maxY = Math.max(maxY, p[1]);
        }
        int[] xs = span(minX, maxX, photo.getWidth(), block);
        int[] ys = span(minY, maxY, photo.getHeight(), block);
        return new Rectangle(xs[0], ys[0], xs[1] - xs[0], ys[1] - ys[0]);
    }

    /** {@code {from, to}} in [0, length], from a multiple of the block, to a multiple or the end, from < to. */
    private static int[] span(double min, double max, int length, int block) {
        double margin = 2.0 * block;
        int from = (int) Math.min(length - 1, Math.max(0, Math.floor(min - margin)));
        from -= from % block;
        int to = (int) Math.min(length, Math.max(from + 1, Math.ceil((max + margin) / block) * block));
        return new int[] {from, to};
    }

    /** Each crop pixel centre mapped into the photo, then into the block-averaged window. */
    private static BufferedImage resample(Planes source, SimilarityTransform toPhoto, int size) {
        BufferedImage out = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        int[] row = new int[size];
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                double[] p = toPhoto.apply(x + 0.5, y + 0.5);
                row[x] = source.bilinear(p[0], p[1]);
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

    /**
     * A window of the photo averaged over {@code block x block} pixel blocks, as three float planes, row-major;
     * blocks cut by the photo's edge average the pixels they hold.
     */
    private record Planes(Rectangle window, int block, int width, int height, float[] red, float[] green,
                          float[] blue) {
        static Planes averaged(BufferedImage photo, Rectangle window, int block) {
            int width = (window.width + block - 1) / block;
            int height = (window.height + block - 1) / block;
            float[] red = new float[width * height];
            float[] green = new float[width * height];
            float[] blue = new float[width * height];
            int[] count = new int[width * height];
            int[] row = new int[window.width];
            for (int y = 0; y < window.height; y++) {
                photo.getRGB(window.x, window.y + y, window.width, 1, row, 0, window.width);
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
            return new Planes(window, block, width, height, red, green, blue);
        }

        /**
         * The colour at continuous photo coordinates {@code (x, y)}, interpolated between block centres, the
         * window's edge blocks repeated outside it.
         */
        int bilinear(double x, double y) {
            double fx = (x - window.x) / block - 0.5;
            double fy = (y - window.y) / block - 0.5;
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
