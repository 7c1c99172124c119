package dev.autoencoder.data.image;

import dev.autoencoder.data.transform.FeatureAffine;
import dev.autoencoder.data.transform.MinMaxScaler;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.imageio.ImageIO;

/**
 * One encoded image (any format ImageIO reads: PNG, JPEG, BMP, GIF) as a sample, made as the image-folder loader
 * makes its samples: resized to the model's side, unpacked to channel planes, each value a byte scaled to [0, 1].
 * Distributed scoring and training read image-bytes columns through it.
 */
public final class ImageBytes {
    /** The scaling of 8-bit pixels, as {@code Scaling.ofBytes()} makes it for the loaders. */
    private static final FeatureAffine BYTES = MinMaxScaler.ofRange(0, 255);
    private ImageBytes() {
    }

    /**
     * Decodes {@code encoded} into {@code dst} from {@code offset}: {@code mode}'s channels of {@code height} x
     * {@code width} values.
     *
     * @throws IllegalArgumentException when the bytes are not an image ImageIO can read
     */
    public static void decode(byte[] encoded, ColorMode mode, int height, int width, float[] dst, int offset) {
        ImagePixels.copyPixels(ImagePixels.resize(read(encoded), width, height), mode, dst, offset);
        int[] shape = {mode.channels(), height, width};
        BYTES.transformSample(dst, offset, dst, offset, shape);
    }

    /**
     * The sample shape of {@code encoded} at its own size: {@code [1, height, width]} when the image has one colour
     * component, else {@code [3, height, width]}.
     *
     * @throws IllegalArgumentException when the bytes are not an image ImageIO can read
     */
    public static int[] shape(byte[] encoded) {
        BufferedImage image = read(encoded);
        return new int[] {image.getColorModel().getNumColorComponents() == 1 ? 1 : 3, image.getHeight(), image.getWidth()};
    }

    private static BufferedImage read(byte[] encoded) {
        BufferedImage image;
        try {
            image = ImageIO.read(new ByteArrayInputStream(encoded));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot be decoded as an image: " + e.getMessage(), e);
        }
        if (image == null) {
            throw new IllegalArgumentException("is no image in a format ImageIO reads (PNG, JPEG, BMP, GIF)");
        }
        return image;
    }
}
