package dev.autoencoder.data.plot;

import dev.autoencoder.data.Samples;
import dev.autoencoder.data.stats.Pca;
import java.awt.Color;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Plots 2-D embeddings (a latent space) as a scatter PNG with XChart, one colour per label so that
 * clusters of classes are visible; the legend shows class names when the dataset has them. Ten
 * well-separated colours are used in turn; beyond ten classes the marker shape changes too.
 */
public final class LatentScatterPlot {
    private static final List<Color> PALETTE = ChartPng.PALETTE;
    private static final List<Marker> MARKERS = List.of(
            SeriesMarkers.CIRCLE, SeriesMarkers.SQUARE, SeriesMarkers.DIAMOND, SeriesMarkers.TRIANGLE_UP);

    private final int width;
    private final int height;

    /** A plot of {@code width} x {@code height} pixels. */
    public LatentScatterPlot(int width, int height) {
        ChartPng.requireSize(width, height);
        this.width = width;
        this.height = height;
    }

    /** An 800 x 700 plot. */
    public LatentScatterPlot() {
        this(800, 700);
    }

    /**
     * Writes {@code points} ({@code source.size()} pairs {@code x, y}, in the order of
     * {@code source}) coloured by the labels of {@code source} (one colour when unlabeled).
     *
     * @return {@code png}
     * @throws dev.autoencoder.data.DataException when the file cannot be written
     */
    public Path write(Path png, String title, float[] points, Samples source) {
        if (points.length != 2L * source.size() || source.size() == 0) {
            throw new IllegalArgumentException(points.length + " values are not " + source.size()
                    + " non-empty 2-D points");
        }
        XYChart chart = ChartPng.xyChart(width, height, title, "z0", "z1", Styler.LegendPosition.OutsideE);
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        chart.getStyler().setMarkerSize(5);
        TreeMap<Integer, List<Integer>> byLabel = new TreeMap<>();
        for (int i = 0; i < source.size(); i++) {
            byLabel.computeIfAbsent(source.hasLabels() ? source.label(i) : -1, k -> new ArrayList<>()).add(i);
        }
        int series = 0;
        for (var group : byLabel.entrySet()) {
            List<Integer> members = group.getValue();
            double[] xs = members.stream().mapToDouble(i -> points[2 * i]).toArray();
            double[] ys = members.stream().mapToDouble(i -> points[2 * i + 1]).toArray();
            String name = group.getKey() < 0 ? "samples" : source.labelName(group.getKey());
            XYSeries scatter = chart.addSeries(name, xs, ys);
            scatter.setMarkerColor(PALETTE.get(series % PALETTE.size()));
            scatter.setMarker(MARKERS.get((series / PALETTE.size()) % MARKERS.size()));
            series++;
        }
        return ChartPng.write(png, chart);
    }

    /**
     * Writes {@code source.size()} codes of {@code dim} values (row-major, in the order of {@code source}) in 2-D:
     * as they are with two dimensions, on a line with one, on their first two principal axes with more; titled
     * "&lt;what the axes are&gt; of {@code of}".
     *
     * @return {@code png}
     */
    public Path writeCodes(Path png, String of, float[] codes, int dim, Samples source) {
        int n = source.size();
        if (dim < 1 || codes.length != (long) n * dim) {
            throw new IllegalArgumentException(codes.length + " values are not " + n + " codes of " + dim);
        }
        if (dim == 2) {
            return write(png, "2-d codes of " + of, codes, source);
        }
        if (dim == 1) {
            float[] points = new float[2 * n];
            for (int i = 0; i < n; i++) {
                points[2 * i] = codes[i];
            }
            return write(png, "1-d codes of " + of, points, source);
        }
        return write(png, dim + "-d codes, first two principal components of " + of, Pca.project(codes, n, dim, 2), source);
    }
}
