package dev.autoencoder.data.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The loss curves of a training run as one PNG with XChart: one panel per loss term, side by side under the run's
 * title, each with the training curve (solid) and the validation curve (dashed). A loss of one term (the term and its
 * equal total) has one wide panel, "loss". Epochs are marked with dots up to 30 epochs. Values that are not finite
 * are left out of the line.
 */
public final class LossCurvePlot {
    private static final int SINGLE_WIDTH = 800;
    private static final int SINGLE_HEIGHT = 460;
    private static final int PANEL_WIDTH = 440;
    private static final int PANEL_HEIGHT = 400;
    private static final int TITLE_HEIGHT = 36;
    private static final String TOTAL = "total";
    private static final int MARKED_EPOCHS = 30;

    /**
     * Draws {@code curves} into {@code png}: 800 x 496 pixels for a one-term loss, else 440 pixels wide per term and
     * 436 high (a 36-pixel title band above the panels).
     *
     * @return {@code png}
     * @throws IllegalArgumentException when a term has no finite value to draw
     * @throws dev.autoencoder.data.DataException when the file cannot be written
     */
    public Path write(Path png, String title, EpochCurves curves) {
        List<String> terms = new ArrayList<>(curves.train().keySet());
        if (terms.size() == 2 && terms.contains(TOTAL)) {
            terms = List.of(TOTAL);
        }
        boolean single = terms.size() == 1;
        int width = single ? SINGLE_WIDTH : PANEL_WIDTH;
        int height = single ? SINGLE_HEIGHT : PANEL_HEIGHT;
        List<BufferedImage> panels = new ArrayList<>();
        for (String term : terms) {
            panels.add(ChartPng.render(panel(single ? "loss" : term, term, curves, width, height)));
        }
        return ChartPng.write(png, ChartPng.titled(title, TITLE_HEIGHT, panels, true));
    }

    private static XYChart panel(String name, String term, EpochCurves curves, int width, int height) {
        XYChart chart = ChartPng.xyChart(width, height, name, "epoch", "", Styler.LegendPosition.OutsideS);
        Styler styler = chart.getStyler();
        styler.setLegendLayout(Styler.LegendLayout.Horizontal);
        styler.setLegendBorderColor(Color.WHITE);
        styler.setMarkerSize(curves.epochs().length > MARKED_EPOCHS ? 0 : 5);
        int drawn = curve(chart, "train", curves.epochs(), curves.train().get(term), ChartPng.PALETTE.get(0), ChartPng.SOLID);
        if (!curves.validation().isEmpty()) {
            drawn += curve(chart, "validation", curves.epochs(), curves.validation().get(term), ChartPng.PALETTE.get(1),
                    ChartPng.DASHED);
        }
        if (drawn == 0) {
            throw new IllegalArgumentException("loss term '" + term + "' has no finite value to plot");
        }
        return chart;
    }

    /** Adds the finite points of {@code values} as a line; returns 1, or 0 when there is none. */
    private static int curve(XYChart chart, String name, int[] epochs, double[] values, Color color, BasicStroke stroke) {
        int[] kept = IntStream.range(0, values.length).filter(k -> Double.isFinite(values[k])).toArray();
        if (kept.length == 0) {
            return 0;
        }
        XYSeries series = chart.addSeries(name, IntStream.of(kept).mapToDouble(k -> epochs[k]).toArray(),
                IntStream.of(kept).mapToDouble(k -> values[k]).toArray());
        series.setLineColor(color);
        series.setMarkerColor(color);
        series.setLineStyle(stroke);
        series.setMarker(SeriesMarkers.CIRCLE);
        return 1;
    }
}
