package dev.autoencoder.data.plot;

import dev.autoencoder.data.io.AtomicFiles;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;

/**
 * What the plots share: the look of a chart (white background, one palette, a dashed line) and rendering a chart
 * off-screen to a PNG file written atomically.
 */
final class ChartPng {
    /** Series colours, used in turn: matplotlib's ten "tab" colours, well apart from each other. */
    static final List<Color> PALETTE = List.of(
            new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c), new Color(0xd62728), new Color(0x9467bd),
            new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f), new Color(0xbcbd22), new Color(0x17becf));

    /** A 2-pixel dashed line (validation curves, thresholds). */
    static final BasicStroke DASHED = new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
            new float[] {6f, 4f}, 0f);

    /** A 2-pixel solid line. */
    static final BasicStroke SOLID = new BasicStroke(2f);

    private ChartPng() {
    }

    /**
     * An empty line or scatter chart of {@code width x height} pixels in the plots' style, the legend at {@code legend}.
     *
     * @throws IllegalArgumentException when the chart is smaller than 100 x 100 pixels
     */
    static XYChart xyChart(int width, int height, String title, String xAxisTitle, String yAxisTitle,
            Styler.LegendPosition legend) {
        requireSize(width, height);
        XYChart chart = new XYChartBuilder().width(width).height(height).title(title).xAxisTitle(xAxisTitle)
                .yAxisTitle(yAxisTitle).build();
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setLegendPosition(legend);
        return chart;
    }

    /** @throws IllegalArgumentException when a plot of this size would be too small to read */
    static void requireSize(int width, int height) {
        if (width < 100 || height < 100) {
            throw new IllegalArgumentException("a plot needs at least 100x100 pixels, got " + width + "x" + height);
        }
    }

    /** {@code chart} as a bitmap. */
    static BufferedImage render(Chart<?, ?> chart) {
        return BitmapEncoder.getBufferedImage(chart);
    }

    /**
     * {@code panels} side by side ({@code across}) or one under the other, under a band of {@code titleHeight} pixels
     * with {@code title} centred in it.
     */
    static BufferedImage titled(String title, int titleHeight, List<BufferedImage> panels, boolean across) {
        int width = across ? panels.stream().mapToInt(BufferedImage::getWidth).sum()
                : panels.stream().mapToInt(BufferedImage::getWidth).max().orElse(0);
        int height = titleHeight + (across ? panels.stream().mapToInt(BufferedImage::getHeight).max().orElse(0)
                : panels.stream().mapToInt(BufferedImage::getHeight).sum());
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.DARK_GRAY);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
            g.drawString(title, (width - g.getFontMetrics().stringWidth(title)) / 2, 24);
            int x = 0;
            int y = titleHeight;
            for (BufferedImage panel : panels) {
                g.drawImage(panel, x, y, null);
                x += across ? panel.getWidth() : 0;
                y += across ? 0 : panel.getHeight();
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    /** Writes {@code chart} to {@code png}; returns {@code png}. */
    static Path write(Path png, Chart<?, ?> chart) {
        return write(png, render(chart));
    }

    /** Writes {@code image} to {@code png} atomically; returns {@code png}. */
    static Path write(Path png, BufferedImage image) {
        return AtomicFiles.write(png, out -> {
            if (!ImageIO.write(image, "png", out)) {
                throw new IOException("no PNG writer available");
            }
        });
    }
}
