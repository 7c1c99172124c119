package dev.autoencoder.data.plot;

import dev.autoencoder.data.Samples;
import dev.autoencoder.data.series.Span;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A series with its anomaly score as one PNG with XChart, 1200 pixels wide: above, each channel as a line, channel
 * {@code c} raised by {@code c} so that the channels (scaled to about [0, 1]) do not overlap, with the labelled
 * anomalies shaded red when there are labels; below, on the same steps, the score of each step, the threshold as a
 * dashed line, and the flagged spans shaded orange.
 */
public final class SeriesPlot {
    private static final int WIDTH = 1200;
    private static final int SERIES_HEIGHT = 420;
    private static final int SCORE_HEIGHT = 300;
    private static final int TITLE_HEIGHT = 36;
    private static final Color LABELLED = new Color(214, 39, 40, 60);
    private static final Color FLAGGED = new Color(255, 127, 14, 90);
    private static final BasicStroke THIN = new BasicStroke(1f);

    /**
     * Draws {@code steps} (samples of shape {@code {channels}} in time order) and {@code scores} (one per step) into
     * {@code png}: 1200 x 756 pixels.
     *
     * @param firstStep the number of the first step in its series, where the time axis starts
     * @param labelled  the spans labelled anomalous (none when the series has no labels), numbered as the steps
     * @param flagged   the spans whose scores lie above {@code threshold}, numbered as the steps
     * @return {@code png}
     * @throws IllegalArgumentException when there are not as many scores as steps, or a value or score is not finite
     * @throws dev.autoencoder.data.DataException when the file cannot be written
     */
    public Path write(Path png, String title, Samples steps, int firstStep, float[] scores, double threshold, List<Span> labelled,
            List<Span> flagged) {
        if (steps.sampleShape().length != 1 || scores.length != steps.size() || scores.length == 0) {
            throw new IllegalArgumentException("a series plot needs one score per step of a series, got " + scores.length
                    + " scores for " + steps.size() + " samples of rank " + steps.sampleShape().length);
        }
        double[] t = new double[scores.length];
        for (int i = 0; i < t.length; i++) {
            t[i] = firstStep + i;
        }
        XYChart top = ChartPng.xyChart(WIDTH, SERIES_HEIGHT, "", "", "value (scaled) + channel", Styler.LegendPosition.OutsideE);
        // a line across the axis that is not evenly spaced like the steps: XChart would put a tick on every step otherwise
        XYSeries axis = top.addSeries(" ", new double[] {t[0], t[t.length - 1]}, new double[] {0, 0});
        axis.setLineColor(new Color(0, 0, 0, 0));
        axis.setMarker(SeriesMarkers.NONE);
        axis.setShowInLegend(false);
        int channels = steps.sampleShape()[0];
        float[] values = steps.features();
        double high = 1;
        for (int c = 0; c < channels; c++) {
            double[] y = new double[t.length];
            for (int i = 0; i < t.length; i++) {
                y[i] = finite(values[i * channels + c]) + c;
                high = Math.max(high, y[i]);
            }
            line(top, "channel " + c, t, y, ChartPng.PALETTE.get(c % ChartPng.PALETTE.size()));
        }
        shade(top, "labelled anomaly", labelled, t, high, LABELLED);
        XYChart bottom = ChartPng.xyChart(WIDTH, SCORE_HEIGHT, "", "time step", "score", Styler.LegendPosition.OutsideE);
        double[] s = new double[t.length];
        double highest = threshold;
        for (int i = 0; i < t.length; i++) {
            s[i] = finite(scores[i]);
            highest = Math.max(highest, s[i]);
        }
        shade(bottom, "flagged", flagged, t, highest, FLAGGED);
        line(bottom, "score", t, s, Color.DARK_GRAY);
        XYSeries limit = bottom.addSeries(String.format(Locale.ROOT, "threshold %.3g", threshold), new double[] {t[0], t[t.length - 1]},
                new double[] {threshold, threshold});
        limit.setLineColor(Color.BLACK);
        limit.setLineStyle(ChartPng.DASHED);
        limit.setMarker(SeriesMarkers.NONE);
        for (XYChart chart : List.of(top, bottom)) {
            chart.getStyler().setMarkerSize(0);
            chart.getStyler().setXAxisMin(t[0]).setXAxisMax(t[t.length - 1]);
            chart.getStyler().setLegendBorderColor(Color.WHITE);
        }
        bottom.getStyler().setYAxisMin(0.0);
        List<BufferedImage> panels = List.of(ChartPng.render(top), ChartPng.render(bottom));
        return ChartPng.write(png, ChartPng.titled(title, TITLE_HEIGHT, panels, false));
    }

    private static double finite(float v) {
        if (!Float.isFinite(v)) {
            throw new IllegalArgumentException("cannot draw a value or score of " + v);
        }
        return v;
    }

    private static void line(XYChart chart, String name, double[] x, double[] y, Color color) {
        XYSeries series = chart.addSeries(name, x, y);
        series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        series.setLineColor(color);
        series.setLineStyle(THIN);
        series.setMarker(SeriesMarkers.NONE);
    }

    /** {@code spans} as translucent bands up to {@code height}; nothing when there is none. */
    private static void shade(XYChart chart, String name, List<Span> spans, double[] t, double height, Color color) {
        if (spans.isEmpty()) {
            return;
        }
        double[] x = new double[4 * spans.size()];
        double[] y = new double[x.length];
        int k = 0;
        for (Span span : spans) {
            double from = span.start() - 0.5;
            double to = Math.min(t[t.length - 1], span.end() - 0.5);
            x[k] = from;
            x[k + 1] = from;
            x[k + 2] = to;
            x[k + 3] = to;
            y[k + 1] = height;
            y[k + 2] = height;
            k += 4;
        }
        XYSeries band = chart.addSeries(name, x, y);
        band.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Area);
        band.setFillColor(color);
        band.setLineColor(color);
        band.setLineStyle(THIN);
        band.setMarker(SeriesMarkers.NONE);
    }
}
