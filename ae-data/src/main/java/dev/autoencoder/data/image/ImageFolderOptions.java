package dev.autoencoder.data.image;

import java.util.Objects;

/**
 * How to load a folder of images.
 *
 * @param colorMode grayscale or RGB
 * @param width target width in pixels, or 0 to keep each image's size (then all must agree)
 * @param height target height in pixels, or 0 to keep each image's size
 */
public record ImageFolderOptions(ColorMode colorMode, int width, int height) {

    /** Checks that the size is either both zero or both positive. */
    public ImageFolderOptions {
        Objects.requireNonNull(colorMode, "colorMode");
        if (width < 0 || height < 0 || (width == 0) != (height == 0)) {
            throw new IllegalArgumentException("target size must be both positive or both 0, got " + width + "x" + height);
        }
    }

    /** Images kept at their own size, which must be the same for all. */
    public static ImageFolderOptions originalSize(ColorMode colorMode) {
        return new ImageFolderOptions(colorMode, 0, 0);
    }

    /** Every image resized (bilinear) to {@code width} x {@code height}. */
    public static ImageFolderOptions resizedTo(ColorMode colorMode, int width, int height) {
        if (width == 0 || height == 0) {
            throw new IllegalArgumentException("target size must be positive, got " + width + "x" + height);
        }
        return new ImageFolderOptions(colorMode, width, height);
    }

    /** Whether images are resized to a target size. */
    public boolean resizes() {
        return width > 0;
    }
}
