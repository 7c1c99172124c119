package dev.autoencoder.data.transform;

import dev.autoencoder.data.ImageShape;
import java.util.Arrays;

/**
 * Reduces image resolution by an integer factor, averaging each {@code factor x factor} block: the
 * low-resolution input of a super-resolution autoencoder whose target is the original image. With
 * {@code restoreSize} the result is enlarged back (nearest neighbour, blocky) to the original size,
 * for models whose input and output sizes must match. Height and width must be divisible by the
 * factor (pad first otherwise).
 *
 * @param factor the reduction factor, at least 1
 * @param restoreSize whether to enlarge the result back to the input size
 */
public record Downscale(int factor, boolean restoreSize) implements Transform {

    /** Checks the factor. */
    public Downscale {
        if (factor < 1) {
            throw new IllegalArgumentException("downscale factor must be at least 1, got " + factor);
        }
    }

    /** Downscaling by {@code factor} to a smaller image. */
    public static Downscale by(int factor) {
        return new Downscale(factor, false);
    }

    /** Downscaling by {@code factor}, then enlarging back to the original size. */
    public static Downscale keepingSize(int factor) {
        return new Downscale(factor, true);
    }

    @Override
    public int[] outputShape(int[] inputShape) {
        ImageShape in = ImageShape.of(inputShape);
        if (in.height() % factor != 0 || in.width() % factor != 0) {
            throw new IllegalArgumentException("images of " + in.height() + "x" + in.width()
                    + " cannot be downscaled by " + factor + ": pad them to a multiple first");
        }
        return restoreSize ? inputShape.clone()
                : in.withSize(in.height() / factor, in.width() / factor).toSampleShape(inputShape.length);
    }

    @Override
    public void transformSample(float[] in, int inOffset, float[] out, int outOffset, int[] inputShape) {
        ImageShape image = ImageShape.of(inputShape);
        int smallHeight = image.height() / factor;
        int smallWidth = image.width() / factor;
        float area = factor * factor;
        for (int c = 0; c < image.channels(); c++) {
            int plane = inOffset + c * image.planeSize();
            for (int sy = 0; sy < smallHeight; sy++) {
                for (int sx = 0; sx < smallWidth; sx++) {
                    float sum = 0;
                    for (int dy = 0; dy < factor; dy++) {
                        int row = plane + (sy * factor + dy) * image.width() + sx * factor;
                        for (int dx = 0; dx < factor; dx++) {
                            sum += in[row + dx];
                        }
                    }
                    write(out, outOffset, image, c, sy, sx, sum / area);
                }
            }
        }
    }

    /** Writes one averaged block: one pixel, or a whole block when restoring the size. */
    private void write(float[] out, int outOffset, ImageShape image, int c, int sy, int sx, float mean) {
        if (!restoreSize) {
            int smallWidth = image.width() / factor;
            int smallHeight = image.height() / factor;
            out[outOffset + (c * smallHeight + sy) * smallWidth + sx] = mean;
            return;
        }
        for (int dy = 0; dy < factor; dy++) {
            int row = outOffset + c * image.planeSize() + (sy * factor + dy) * image.width() + sx * factor;
            Arrays.fill(out, row, row + factor, mean);
        }
    }
}
