package dev.autoencoder.cli.report;

import dev.autoencoder.data.io.AtomicFiles;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A histogram PNG of anomaly scores with XChart: one outlined, translucent step area per group (all samples, or
 * normal and anomalous ones when labels are known), all on the same bins, and the threshold as a vertical line.
 */
public final class ScoreHistogram {
    private static final int WIDTH = 800;
    private static final int HEIGHT = 500;
    private static final int BINS = 40;
    private static final Color[] COLORS = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c)};

    private ScoreHistogram() {
    }

    /**
     * Writes the histogram of each group of scores (in the map's order) with the threshold marked.
     *
     * @return {@code png}
     */
    public static Path write(Path png, String title, Map<String, float[]> groups, double threshold) {
        double min = threshold;
        double max = threshold;
        for (float[] scores : groups.values()) {
            for (float s : scores) {
                min = Math.min(min, s);
                max = Math.max(max, s);
            }
        }
        double width = max > min ? (max - min) / BINS : 1;
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle("score").yAxisTitle("samples").build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setMarkerSize(0);
        double tallest = 1;
        int color = 0;
        for (Map.Entry<String, float[]> group : nonEmpty(groups).entrySet()) {
            double[] counts = counts(group.getValue(), min, width);
            double[] xs = new double[BINS + 2];
            double[] ys = new double[BINS + 2];
            for (int b = 0; b <= BINS + 1; b++) {
                xs[b] = min + (b - 1) * width;
                ys[b] = b >= 1 && b <= BINS ? counts[b - 1] : 0;
                tallest = Math.max(tallest, ys[b]);
            }
            XYSeries series = chart.addSeries(group.getKey() + " (" + group.getValue().length + ")", xs, ys);
            series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.StepArea);
            Color c = COLORS[color++ % COLORS.length];
            series.setLineColor(c);
            series.setFillColor(new Color(c.getRed(), c.getGreen(), c.getBlue(), 80));
            series.setMarker(SeriesMarkers.NONE);
        }
        XYSeries line = chart.addSeries(String.format(Locale.ROOT, "threshold %.4g", threshold),
                new double[] {threshold, threshold}, new double[] {0, tallest});
        line.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        line.setLineColor(Color.BLACK);
        line.setLineStyle(new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
        line.setMarker(SeriesMarkers.NONE);
        BufferedImage image = BitmapEncoder.getBufferedImage(chart);
        return AtomicFiles.write(png, out -> {
            if (!ImageIO.write(image, "png", out)) {
                throw new IOException("no PNG writer available");
            }
        });
    }

    private static Map<String, float[]> nonEmpty(Map<String, float[]> groups) {
        Map<String, float[]> nonEmpty = new LinkedHashMap<>();
        groups.forEach((name, scores) -> {
            if (scores.length > 0) {
                nonEmpty.put(name, scores);
            }
        });
        return nonEmpty;
    }

    /** Samples per bin of {@code width} from {@code min}; the largest score falls into the last bin. */
    private static double[] counts(float[] scores, double min, double width) {
        double[] counts = new double[BINS];
        for (float s : scores) {
            counts[Math.min(BINS - 1, (int) ((s - min) / width))]++;
        }
        return counts;
    }
}
