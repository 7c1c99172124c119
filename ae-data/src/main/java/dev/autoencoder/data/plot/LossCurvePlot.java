package dev.autoencoder.data.plot;

import java.awt.Color;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.IntStream;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Plots training curves (loss, or any metric per epoch) as a line chart PNG with XChart: one line
 * per named curve, value {@code k} of a curve drawn at epoch {@code k + 1}. Non-finite values (a
 * diverged epoch) and, on a log scale, non-positive values are left out of the line.
 */
public final class LossCurvePlot {
    private final int width;
    private final int height;
    private final boolean logScale;

    /** A plot of {@code width} x {@code height} pixels, with a logarithmic y axis when {@code logScale}. */
    public LossCurvePlot(int width, int height, boolean logScale) {
        if (width < 100 || height < 100) {
            throw new IllegalArgumentException("a plot needs at least 100x100 pixels, got " + width + "x" + height);
        }
        this.width = width;
        this.height = height;
        this.logScale = logScale;
    }

    /** An 800 x 500 plot with a linear y axis. */
    public LossCurvePlot() {
        this(800, 500, false);
    }

    /**
     * Writes the curves to {@code png}, in the map's iteration order (a {@code LinkedHashMap} keeps
     * the order they were added in).
     *
     * @param yAxisTitle what the values are, e.g. {@code "loss"}
     * @return {@code png}
     * @throws IllegalArgumentException when no curve has a point to draw
     * @throws dev.autoencoder.data.DataException when the file cannot be written
     */
    public Path write(Path png, String title, String yAxisTitle, Map<String, double[]> curves) {
        XYChart chart = new XYChartBuilder().width(width).height(height).title(title).xAxisTitle("epoch")
                .yAxisTitle(yAxisTitle).build();
        chart.getStyler().setYAxisLogarithmic(logScale);
        chart.getStyler().setYAxisLogarithmicDecadeOnly(false);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setMarkerSize(5);
        int drawn = 0;
        for (Map.Entry<String, double[]> curve : curves.entrySet()) {
            double[] values = curve.getValue();
            int[] kept = IntStream.range(0, values.length).filter(k -> drawable(values[k])).toArray();
            if (kept.length == 0) {
                continue;
            }
            double[] epochs = IntStream.of(kept).mapToDouble(k -> k + 1).toArray();
            double[] ys = IntStream.of(kept).mapToDouble(k -> values[k]).toArray();
            XYSeries series = chart.addSeries(curve.getKey(), epochs, ys);
            series.setMarker(SeriesMarkers.CIRCLE);
            drawn++;
        }
        if (drawn == 0) {
            throw new IllegalArgumentException("no curve has a finite" + (logScale ? " positive" : "") + " value to plot");
        }
        return ChartPng.write(png, chart);
    }

    private boolean drawable(double value) {
        return Double.isFinite(value) && (!logScale || value > 0);
    }
}
