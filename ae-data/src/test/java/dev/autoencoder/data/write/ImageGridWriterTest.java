package dev.autoencoder.data.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autoencoder.api.random.Rng;
import dev.autoencoder.data.Dataset;
import dev.autoencoder.data.Previews;
import dev.autoencoder.data.TestImages;
import dev.autoencoder.data.bundled.BundledDigits;
import dev.autoencoder.data.transform.Downscale;
import dev.autoencoder.data.transform.MinMaxScaler;
import dev.autoencoder.data.transform.Noise;
import java.awt.GraphicsEnvironment;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ImageGridWriterTest {

    private static Dataset scaledDigits() {
        return MinMaxScaler.ofRange(0, BundledDigits.MAX_PIXEL).apply(BundledDigits.load());
    }

    @Test
    void runsHeadless() {
        assertTrue(GraphicsEnvironment.isHeadless(), "the build runs with java.awt.headless=true and no display");
    }

    @Test
    void writesALabelledGridOfDigits() throws IOException {
        Path png = Previews.file("digits-grid.png");
        new ImageGridWriter(GridStyle.defaults().withZoom(6)).writeGrid(png, scaledDigits().slice(0, 30), 10,
                "8x8 digits, first 30");
        BufferedImage image = TestImages.read(png);
        assertTrue(image.getWidth() >= 10 * 48 && image.getHeight() >= 3 * 48);
        assertEquals(0xFFFFFF, image.getRGB(0, 0) & 0xFFFFFF, "white background");
    }

    @Test
    void drawsPixelsWithTheRequestedRange() throws IOException {
        Dataset twoPixels = Dataset.unlabeled("p", new float[] {0, 255}, 1, 1, 2);
        Path png = Previews.file("two-pixels.png");
        GridStyle style = new GridStyle(10, 0, 255, false, 0, 10);
        new ImageGridWriter(style).writeGrid(png, twoPixels, 1, "");
        BufferedImage image = TestImages.read(png);
        assertEquals(20, image.getWidth());
        assertEquals(0x000000, image.getRGB(5, 5) & 0xFFFFFF);
        assertEquals(0xFFFFFF, image.getRGB(15, 5) & 0xFFFFFF);
    }

    @Test
    void writesAComparisonOfStagesSideBySide() throws IOException {
        Dataset clean = scaledDigits().slice(0, 8).toDataset();
        Dataset noisy = new Noise(Noise.Kind.GAUSSIAN, 0.25).apply(clean, new Rng(9));
        Dataset lowRes = Downscale.by(2).apply(clean);
        Path png = Previews.file("digits-comparison.png");
        new ImageGridWriter().writeComparison(png, "denoising and super-resolution inputs",
                List.of("input", "corrupted", "low-res", "output"), List.of(clean, noisy, lowRes, clean));
        BufferedImage image = TestImages.read(png);
        assertTrue(image.getWidth() >= 4 * 64 && image.getHeight() >= 8 * 64);
        assertThrows(IllegalArgumentException.class, () -> new ImageGridWriter().writeComparison(png, "",
                List.of("a", "b"), List.of(clean, clean.slice(0, 3))));
    }
}
