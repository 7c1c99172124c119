package dev.autoencoder.data.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autoencoder.data.Dataset;
import dev.autoencoder.data.Previews;
import dev.autoencoder.data.TestImages;
import dev.autoencoder.data.bundled.BundledDigits;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PlotsTest {

    @Test
    void writesLossCurves() throws IOException {
        Map<String, double[]> curves = new LinkedHashMap<>();
        curves.put("train", new double[] {0.9, 0.5, 0.3, 0.22, 0.18, 0.16});
        curves.put("validation", new double[] {0.95, 0.6, 0.4, Double.NaN, 0.3, 0.31});
        Path png = Previews.file("loss-curves.png");
        new LossCurvePlot().write(png, "reconstruction loss", "loss", curves);
        BufferedImage image = TestImages.read(png);
        assertEquals(800, image.getWidth());
        assertEquals(500, image.getHeight());
        Path log = Previews.file("loss-curves-log.png");
        new LossCurvePlot(600, 400, true).write(log, "log scale", "loss", curves);
        assertEquals(600, TestImages.read(log).getWidth());
        assertThrows(IllegalArgumentException.class, () -> new LossCurvePlot().write(png, "t", "loss",
                Map.of("empty", new double[] {Double.NaN})));
    }

    @Test
    void writesALatentScatterColouredByLabel() throws IOException {
        Dataset digits = BundledDigits.load();
        float[] points = new float[2 * digits.size()];
        for (int i = 0; i < digits.size(); i++) {
            float[] image = digits.slice(i, i + 1).features();
            double top = 0;
            double left = 0;
            for (int p = 0; p < 64; p++) {
                top += p < 32 ? image[p] : -image[p];
                left += p % 8 < 4 ? image[p] : -image[p];
            }
            points[2 * i] = (float) left;
            points[2 * i + 1] = (float) top;
        }
        Path png = Previews.file("latent-scatter.png");
        new LatentScatterPlot().write(png, "digits: ink balance (top vs left)", points, digits);
        BufferedImage image = TestImages.read(png);
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                colours.add(image.getRGB(x, y) & 0xFFFFFF);
            }
        }
        for (int rgb : new int[] {0x1f77b4, 0xff7f0e, 0x2ca02c, 0xd62728, 0x17becf}) {
            assertTrue(colours.contains(rgb), "label colour " + Integer.toHexString(rgb) + " is drawn");
        }
    }
}
