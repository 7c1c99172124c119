package dev.autoencoder.data.transform;

import dev.autoencoder.data.ImageShape;
import java.util.Arrays;

/**
 * Pads images with a constant border, e.g. 28x28 to 32x32 so that a convolutional autoencoder can
 * halve the size several times. Works on image samples ({@code {C, H, W}} or {@code {H, W}}; the
 * rank is kept).
 *
 * @param top rows added above
 * @param bottom rows added below
 * @param left columns added on the left
 * @param right columns added on the right
 * @param value the value of the added pixels
 */
public record Padding(int top, int bottom, int left, int right, float value) implements Transform {

    /** Checks that no side is negative. */
    public Padding {
        if (top < 0 || bottom < 0 || left < 0 || right < 0) {
            throw new IllegalArgumentException("padding cannot be negative");
        }
    }

    /** The same zero border of {@code pixels} on every side. */
    public static Padding uniform(int pixels) {
        return new Padding(pixels, pixels, pixels, pixels, 0f);
    }

    @Override
    public int[] outputShape(int[] inputShape) {
        ImageShape in = ImageShape.of(inputShape);
        return in.withSize(in.height() + top + bottom, in.width() + left + right).toSampleShape(inputShape.length);
    }

    @Override
    public void transformSample(float[] in, int inOffset, float[] out, int outOffset, int[] inputShape) {
        ImageShape image = ImageShape.of(inputShape);
        int outWidth = image.width() + left + right;
        int outHeight = image.height() + top + bottom;
        Arrays.fill(out, outOffset, outOffset + image.channels() * outHeight * outWidth, value);
        for (int c = 0; c < image.channels(); c++) {
            for (int y = 0; y < image.height(); y++) {
                int from = inOffset + (c * image.height() + y) * image.width();
                int to = outOffset + (c * outHeight + y + top) * outWidth + left;
                System.arraycopy(in, from, out, to, image.width());
            }
        }
    }
}
