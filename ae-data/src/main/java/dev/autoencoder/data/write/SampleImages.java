package dev.autoencoder.data.write;

import dev.autoencoder.data.ImageShape;
import dev.autoencoder.data.Samples;
import java.awt.image.BufferedImage;

/** Renders one image sample as a {@link BufferedImage}, mapping values to 0..255 as a style says. */
final class SampleImages {

    private SampleImages() {
    }

    /**
     * Sample {@code index} of {@code samples} as an RGB image: one channel as gray, three as red,
     * green and blue.
     *
     * @throws IllegalArgumentException for samples that are not images of 1 or 3 channels
     */
    static BufferedImage render(Samples samples, int index, GridStyle style) {
        ImageShape shape = ImageShape.of(samples.sampleShape());
        if (shape.channels() != 1 && shape.channels() != 3) {
            throw new IllegalArgumentException("can draw images of 1 or 3 channels, not " + shape.channels());
        }
        float[] values = new float[shape.size()];
        samples.copySample(index, values, 0);
        float min = style.minValue();
        float max = style.maxValue();
        if (style.autoRange()) {
            min = Float.POSITIVE_INFINITY;
            max = Float.NEGATIVE_INFINITY;
            for (float v : values) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        float scale = max > min ? 255f / (max - min) : 0f;
        int plane = shape.planeSize();
        int greenPlane = shape.channels() == 3 ? plane : 0;
        int bluePlane = shape.channels() == 3 ? 2 * plane : 0;
        BufferedImage image = new BufferedImage(shape.width(), shape.height(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < shape.height(); y++) {
            for (int x = 0; x < shape.width(); x++) {
                int p = y * shape.width() + x;
                int r = level(values[p], min, scale);
                int g = level(values[p + greenPlane], min, scale);
                int b = level(values[p + bluePlane], min, scale);
                image.setRGB(x, y, (r << 16) | (g << 8) | b);
            }
        }
        return image;
    }

    private static int level(float value, float min, float scale) {
        float level = (value - min) * scale;
        return Float.isNaN(level) ? 0 : Math.round(Math.min(255f, Math.max(0f, level)));
    }
}
