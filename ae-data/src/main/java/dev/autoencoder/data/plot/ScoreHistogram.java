package dev.autoencoder.data.plot;

import java.awt.Color;
import java.nio.file.Path;
import java.util.Locale;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A histogram PNG of anomaly scores with XChart, 800 x 500 pixels: one outlined, translucent step area per group (all
 * samples, or normal and anomalous ones when labels are known), all on the same 40 bins, and the threshold, when
 * there is one, as a dashed vertical line.
 */
public final class ScoreHistogram {
    private static final int WIDTH = 800;
    private static final int HEIGHT = 500;
    private static final int BINS = 40;
    /** Blue, red, green: the first group is normal, the second anomalous. */
    private static final int[] COLOURS = {0, 3, 2};

    /**
     * Writes the histogram of each non-empty group of scores (in the map's order, e.g. a {@code LinkedHashMap}'s),
     * with {@code threshold} marked when present.
     *
     * @return {@code png}
     * @throws IllegalArgumentException when there is no score, or a score is not finite
     * @throws dev.autoencoder.data.DataException when the file cannot be written
     */
    public Path write(Path png, String title, Map<String, float[]> groups, OptionalDouble threshold) {
        double min = threshold.orElse(Double.POSITIVE_INFINITY);
        double max = threshold.orElse(Double.NEGATIVE_INFINITY);
        for (float[] scores : groups.values()) {
            for (float s : scores) {
                if (!Float.isFinite(s)) {
                    throw new IllegalArgumentException("cannot draw a histogram of a score of " + s);
                }
                min = Math.min(min, s);
                max = Math.max(max, s);
            }
        }
        if (groups.values().stream().allMatch(scores -> scores.length == 0)) {
            throw new IllegalArgumentException("there is no score to draw");
        }
        double width = max > min ? (max - min) / BINS : 1;
        XYChart chart = ChartPng.xyChart(WIDTH, HEIGHT, title, "score", "samples", Styler.LegendPosition.InsideNE);
        chart.getStyler().setMarkerSize(0);
        // An invisible line right to left under the bins: it pads the axis by a bin on either side, and keeps XChart
        // from putting one tick on every bin edge (which it does when all x values are equally spaced)
        XYSeries padding = chart.addSeries(" ", new double[] {max + width, min - width}, new double[] {0, 0});
        padding.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        padding.setLineColor(new Color(0, 0, 0, 0));
        padding.setMarker(SeriesMarkers.NONE);
        padding.setShowInLegend(false);
        double tallest = 1;
        int group = 0;
        for (Map.Entry<String, float[]> entry : groups.entrySet()) {
            if (entry.getValue().length == 0) {
                continue;
            }
            double[] counts = counts(entry.getValue(), min, width);
            double[] xs = new double[BINS + 2];
            double[] ys = new double[BINS + 2];
            for (int b = 0; b <= BINS + 1; b++) {
                xs[b] = min + (b - 1) * width;
                ys[b] = b >= 1 && b <= BINS ? counts[b - 1] : 0;
                tallest = Math.max(tallest, ys[b]);
            }
            XYSeries series = chart.addSeries(entry.getKey() + " (" + entry.getValue().length + ")", xs, ys);
            series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.StepArea);
            Color c = ChartPng.PALETTE.get(COLOURS[group++ % COLOURS.length]);
            series.setLineColor(c);
            series.setFillColor(new Color(c.getRed(), c.getGreen(), c.getBlue(), 80));
            series.setMarker(SeriesMarkers.NONE);
        }
        if (threshold.isPresent()) {
            double t = threshold.getAsDouble();
            XYSeries line = chart.addSeries(String.format(Locale.ROOT, "threshold %.4g", t), new double[] {t, t},
                    new double[] {0, tallest});
            line.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
            line.setLineColor(Color.BLACK);
            line.setLineStyle(ChartPng.DASHED);
            line.setMarker(SeriesMarkers.NONE);
        }
        return ChartPng.write(png, chart);
    }

    /** Samples per bin of {@code width} from {@code min}; the largest score falls into the last bin. */
    /**
     * The groups of a histogram of {@code scores} split by {@code anomalous}: the normal ones under {@code normalName},
     * then the anomalous ones.
     */
    public static Map<String, float[]> byTruth(float[] scores, boolean[] anomalous, String normalName) {
        if (scores.length != anomalous.length) {
            throw new IllegalArgumentException(scores.length + " scores for " + anomalous.length + " labels");
        }
        Map<String, float[]> groups = new LinkedHashMap<>();
        groups.put(normalName, where(scores, anomalous, false));
        groups.put("anomalous", where(scores, anomalous, true));
        return groups;
    }

    private static float[] where(float[] scores, boolean[] anomalous, boolean wanted) {
        float[] kept = new float[scores.length];
        int n = 0;
        for (int i = 0; i < scores.length; i++) {
            if (anomalous[i] == wanted) {
                kept[n++] = scores[i];
            }
        }
        return java.util.Arrays.copyOf(kept, n);
    }

    private static double[] counts(float[] scores, double min, double width) {
        double[] counts = new double[BINS];
        for (float s : scores) {
            counts[Math.min(BINS - 1, (int) ((s - min) / width))]++;
        }
        return counts;
    }
}
