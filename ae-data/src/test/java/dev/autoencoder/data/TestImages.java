package dev.autoencoder.data;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Writes small PNG and JPEG images with known pixels for tests. */
public final class TestImages {

    private TestImages() {
    }

    /** Writes a {@code width x height} image of one RGB colour in {@code format} ("png" or "jpg"). */
    public static Path solid(Path file, int width, int height, int rgb, String format) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, rgb);
            }
        }
        return write(file, image, format);
    }

    /** Writes a grayscale PNG whose pixel (x, y) has level {@code (x + y * width) % 256}. */
    public static Path gradient(Path file, int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int level = (x + y * width) % 256;
                image.setRGB(x, y, (level << 16) | (level << 8) | level);
            }
        }
        return write(file, image, "png");
    }

    /** Reads a PNG written by a writer under test. */
    public static BufferedImage read(Path file) throws IOException {
        BufferedImage image = ImageIO.read(file.toFile());
        if (image == null) {
            throw new IOException(file + " is not a readable image");
        }
        return image;
    }

    private static Path write(Path file, BufferedImage image, String format) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        if (!ImageIO.write(image, format, file.toFile())) {
            throw new IOException("no writer for " + format);
        }
        return file;
    }
}
