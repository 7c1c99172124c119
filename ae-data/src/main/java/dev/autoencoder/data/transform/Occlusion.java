package dev.autoencoder.data.transform;

import dev.autoencoder.data.ImageShape;
import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * Occlusion: one rectangular patch per image, at a uniformly random position where it fits
 * entirely, is set to {@code fill} in every channel. The input of an inpainting autoencoder whose
 * target is the intact image.
 *
 * @param patchHeight patch height in pixels, at least 1
 * @param patchWidth patch width in pixels, at least 1
 * @param fill the value of occluded pixels
 */
public record Occlusion(int patchHeight, int patchWidth, float fill) implements Corruption {

    /** Checks the patch size. */
    public Occlusion {
        if (patchHeight < 1 || patchWidth < 1) {
            throw new IllegalArgumentException("patch size must be positive, got " + patchHeight + "x" + patchWidth);
        }
    }

    /** A zero-filled square patch of {@code side} pixels. */
    public static Occlusion square(int side) {
        return new Occlusion(side, side, 0f);
    }

    @Override
    public void corruptSample(float[] values, int offset, int[] sampleShape, RandomGenerator rng) {
        ImageShape image = ImageShape.of(sampleShape);
        if (patchHeight > image.height() || patchWidth > image.width()) {
            throw new IllegalArgumentException("a " + patchHeight + "x" + patchWidth + " patch does not fit in "
                    + image.height() + "x" + image.width() + " images");
        }
        int top = rng.nextInt(image.height() - patchHeight + 1);
        int left = rng.nextInt(image.width() - patchWidth + 1);
        for (int c = 0; c < image.channels(); c++) {
            for (int y = top; y < top + patchHeight; y++) {
                int row = offset + c * image.planeSize() + y * image.width() + left;
                Arrays.fill(values, row, row + patchWidth, fill);
            }
        }
    }
}
