package dev.autoencoder.data.image;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/** Converts decoded images to sample values: resizing, and unpacking pixels to channel planes. */
final class ImagePixels {

    private ImagePixels() {
    }

    /**
     * {@code source} resized to {@code width} x {@code height} with bilinear filtering; large
     * reductions go in halving steps so that detail is averaged rather than skipped.
     */
    static BufferedImage resize(BufferedImage source, int width, int height) {
        BufferedImage current = source;
        while (current.getWidth() >= 2 * width && current.getHeight() >= 2 * height) {
            current = draw(current, current.getWidth() / 2, current.getHeight() / 2);
        }
        return current.getWidth() == width && current.getHeight() == height ? current : draw(current, width, height);
    }

    /**
     * Writes the pixels of {@code image} into {@code dst} from {@code offset} as {@code mode}'s
     * channel planes (CHW), values 0..255. Transparency is ignored.
     */
    static void copyPixels(BufferedImage image, ColorMode mode, float[] dst, int offset) {
        int width = image.getWidth();
        int height = image.getHeight();
        int plane = width * height;
        int[] row = new int[width];
        for (int y = 0; y < height; y++) {
            image.getRGB(0, y, width, 1, row, 0, width);
            for (int x = 0; x < width; x++) {
                int rgb = row[x];
                int r = (rgb >>> 16) & 0xFF;
                int g = (rgb >>> 8) & 0xFF;
                int b = rgb & 0xFF;
                int at = offset + y * width + x;
                if (mode == ColorMode.GRAYSCALE) {
                    dst[at] = (float) (0.299 * r + 0.587 * g + 0.114 * b);
                } else {
                    dst[at] = r;
                    dst[at + plane] = g;
                    dst[at + 2 * plane] = b;
                }
            }
        }
    }

    private static BufferedImage draw(BufferedImage source, int width, int height) {
        BufferedImage target = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = target.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(source, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return target;
    }
}
