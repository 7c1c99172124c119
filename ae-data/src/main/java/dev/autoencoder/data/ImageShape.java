package dev.autoencoder.data;

import java.util.Arrays;

/**
 * How a sample shape reads as an image: channels, height and width in that (NCHW) order. A rank-3
 * sample shape is {@code {C, H, W}}; a rank-2 shape {@code {H, W}} is one channel. Transforms and
 * writers that work on pixels use this to interpret a dataset's {@code sampleShape}.
 *
 * @param channels number of channels (1 for grayscale, 3 for RGB)
 * @param height image height in pixels
 * @param width image width in pixels
 */
public record ImageShape(int channels, int height, int width) {

    /** Checks that all three sizes are positive. */
    public ImageShape {
        if (channels <= 0 || height <= 0 || width <= 0) {
            throw new IllegalArgumentException("image shape needs positive sizes, got " + channels + "x" + height
                    + "x" + width);
        }
    }

    /**
     * Reads a sample shape as an image.
     *
     * @throws IllegalArgumentException when the shape is not of rank 2 or 3; for flat rows such as
     *     {@code {64}} reshape the dataset first (e.g. to {@code {1, 8, 8}})
     */
    public static ImageShape of(int[] sampleShape) {
        return switch (sampleShape.length) {
            case 2 -> new ImageShape(1, sampleShape[0], sampleShape[1]);
            case 3 -> new ImageShape(sampleShape[0], sampleShape[1], sampleShape[2]);
            default -> throw new IllegalArgumentException("samples of shape " + Arrays.toString(sampleShape)
                    + " are not images: expected {C, H, W} or {H, W}; reshape the dataset first");
        };
    }

    /** The sample shape {@code {C, H, W}}. */
    public int[] toSampleShape() {
        return new int[] {channels, height, width};
    }

    /**
     * The sample shape of this image written with {@code rank} dimensions: {@code {H, W}} for rank 2
     * (one channel only) or {@code {C, H, W}} for rank 3, so that a transform keeps its input's rank.
     */
    public int[] toSampleShape(int rank) {
        if (rank == 2 && channels == 1) {
            return new int[] {height, width};
        }
        if (rank == 3) {
            return toSampleShape();
        }
        throw new IllegalArgumentException("an image of " + channels + " channels cannot be written with rank " + rank);
    }

    /** An image with the same channels and another height and width. */
    public ImageShape withSize(int newHeight, int newWidth) {
        return new ImageShape(channels, newHeight, newWidth);
    }

    /** Pixels in one channel: {@code height * width}. */
    public int planeSize() {
        return height * width;
    }

    /** Values in one image: {@code channels * height * width}. */
    public int size() {
        return channels * planeSize();
    }
}
