package dev.autoencoder.data.plot;

import dev.autoencoder.data.io.AtomicFiles;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;

/** Renders an XChart chart off-screen and writes it as a PNG file atomically. */
final class ChartPng {

    private ChartPng() {
    }

    static Path write(Path png, Chart<?, ?> chart) {
        BufferedImage image = BitmapEncoder.getBufferedImage(chart);
        return AtomicFiles.write(png, out -> {
            if (!ImageIO.write(image, "png", out)) {
                throw new IOException("no PNG writer available");
            }
        });
    }
}
