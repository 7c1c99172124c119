package dev.autoencoder.cli.train;

import dev.autoencoder.data.io.AtomicFiles;
import dev.autoencoder.models.train.EpochMetrics;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * {@code loss.png}: the loss curves of a run with XChart, one panel per loss term (a loss of one term has one panel,
 * its total), each with the training curve and the validation curve, side by side under the run's title.
 */
public final class LossCurves {
    private static final Color TRAIN = new Color(0x1f77b4);
    private static final Color VALIDATION = new Color(0xff7f0e);
    private static final int MARKED_EPOCHS = 30;
    private static final int TITLE_HEIGHT = 36;

    private LossCurves() {
    }

    /** Draws {@code history} (at least one epoch) into {@code png}. */
    public static Path write(Path png, String title, List<EpochMetrics> history) {
        List<String> terms = new ArrayList<>(history.get(0).train().keySet());
        if (terms.size() == 2) {
            terms.remove(0);
        }
        boolean single = terms.size() == 1;
        int width = single ? 800 : 440;
        int height = single ? 460 : 400;
        BufferedImage image = new BufferedImage(width * terms.size(), height + TITLE_HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.DARK_GRAY);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
            g.drawString(title, (image.getWidth() - g.getFontMetrics().stringWidth(title)) / 2, 24);
            for (int k = 0; k < terms.size(); k++) {
                g.drawImage(BitmapEncoder.getBufferedImage(panel(terms.get(k), history, width, height)), k * width, TITLE_HEIGHT, null);
            }
        } finally {
            g.dispose();
        }
        return AtomicFiles.write(png, out -> {
            if (!ImageIO.write(image, "png", out)) {
                throw new IOException("no PNG writer available");
            }
        });
    }

    private static XYChart panel(String term, List<EpochMetrics> history, int width, int height) {
        String name = term.equals("total") && history.get(0).train().size() == 1 ? "loss" : term;
        XYChart chart = new XYChartBuilder().width(width).height(height).title(name).xAxisTitle("epoch").build();
        Styler styler = chart.getStyler();
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setLegendPosition(Styler.LegendPosition.OutsideS);
        styler.setLegendLayout(Styler.LegendLayout.Horizontal);
        styler.setLegendBorderColor(Color.WHITE);
        styler.setMarkerSize(history.size() > MARKED_EPOCHS ? 0 : 5);
        double[] epochs = IntStream.range(0, history.size()).mapToDouble(i -> history.get(i).epoch() + 1).toArray();
        curve(chart, "train", epochs, history, EpochMetrics::train, term, TRAIN, new BasicStroke(2f));
        if (!history.get(0).validation().isEmpty()) {
            curve(chart, "validation", epochs, history, EpochMetrics::validation, term, VALIDATION, new BasicStroke(2f,
                    BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
        }
        return chart;
    }

    private static void curve(XYChart chart, String name, double[] epochs, List<EpochMetrics> history,
            Function<EpochMetrics, Map<String, Double>> part, String term, Color color, BasicStroke stroke) {
        double[] values = history.stream().mapToDouble(m -> part.apply(m).get(term)).toArray();
        XYSeries series = chart.addSeries(name, epochs, values);
        series.setLineColor(color);
        series.setMarkerColor(color);
        series.setLineStyle(stroke);
        series.setMarker(SeriesMarkers.CIRCLE);
    }
}
