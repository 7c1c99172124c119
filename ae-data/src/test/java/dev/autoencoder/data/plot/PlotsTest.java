package dev.autoencoder.data.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autoencoder.data.Dataset;
import dev.autoencoder.data.Previews;
import dev.autoencoder.data.TestImages;
import dev.autoencoder.data.bundled.BundledDigits;
import dev.autoencoder.data.series.Span;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlotsTest {
    private static final int TRAIN_BLUE = 0x1f77b4;
    private static final int VALIDATION_ORANGE = 0xff7f0e;
    private static final int ANOMALOUS_RED = 0xd62728;

    @TempDir
    Path dir;

    private static Map<String, double[]> series(String[] terms, double... scale) {
        Map<String, double[]> series = new LinkedHashMap<>();
        for (int t = 0; t < terms.length; t++) {
            double s = scale[t];
            series.put(terms[t], new double[] {0.9 * s, 0.5 * s, 0.3 * s, 0.22 * s, 0.18 * s, 0.16 * s});
        }
        return series;
    }

    private static final int[] EPOCHS = {1, 2, 3, 4, 5, 6};

    @Test
    void aOneTermLossHasOneWidePanelWithTrainingAndValidationCurves() throws IOException {
        String[] terms = {"reconstruction", "total"};
        Map<String, double[]> validation = series(terms, 1.1, 1.1);
        validation.get("total")[3] = Double.NaN;
        Path png = Previews.file("loss-curves.png");
        new LossCurvePlot().write(png, "ae on digits", new EpochCurves(EPOCHS, series(terms, 1, 1), validation));
        BufferedImage image = TestImages.read(png);
        assertEquals(800, image.getWidth());
        assertEquals(496, image.getHeight());
        Set<Integer> colours = colours(image);
        assertTrue(colours.contains(TRAIN_BLUE) && colours.contains(VALIDATION_ORANGE), "both curves are drawn");
        Path trainOnly = new LossCurvePlot().write(dir.resolve("train-only.png"), "ae on digits",
                new EpochCurves(EPOCHS, series(terms, 1, 1), Map.of()));
        assertFalse(colours(TestImages.read(trainOnly)).contains(VALIDATION_ORANGE), "no validation curve without a split");
    }

    @Test
    void aLossOfSeveralTermsHasOnePanelPerTerm() throws IOException {
        String[] terms = {"reconstruction", "kl", "total"};
        Path png = Previews.file("loss-curves-vae.png");
        new LossCurvePlot().write(png, "vae on digits", new EpochCurves(EPOCHS, series(terms, 30, 3, 33), series(terms, 31, 3, 34)));
        BufferedImage image = TestImages.read(png);
        assertEquals(3 * 440, image.getWidth());
        assertEquals(436, image.getHeight());
    }

    @Test
    void otherLossesDrawAnotherPicture() throws IOException {
        String[] terms = {"reconstruction", "total"};
        Path a = new LossCurvePlot().write(dir.resolve("a.png"), "t", new EpochCurves(EPOCHS, series(terms, 1, 1), Map.of()));
        Path b = new LossCurvePlot().write(dir.resolve("b.png"), "t", new EpochCurves(EPOCHS, series(terms, 1, 2), Map.of()));
        Path again = new LossCurvePlot().write(dir.resolve("again.png"), "t", new EpochCurves(EPOCHS, series(terms, 1, 1), Map.of()));
        assertTrue(samePixels(a, again), "the same curves draw the same picture");
        assertFalse(samePixels(a, b), "other curves draw another picture");
    }

    @Test
    void curvesThatCannotBeDrawnAreRefused() {
        Map<String, double[]> nan = Map.of("total", new double[] {Double.NaN, Double.POSITIVE_INFINITY});
        assertThrows(IllegalArgumentException.class, () -> new LossCurvePlot().write(dir.resolve("x.png"), "t",
                new EpochCurves(new int[] {1, 2}, nan, Map.of())));
        assertThrows(IllegalArgumentException.class, () -> new EpochCurves(new int[] {1, 2}, Map.of("total", new double[3]), Map.of()));
        assertThrows(IllegalArgumentException.class, () -> new EpochCurves(new int[] {1}, Map.of("total", new double[1]),
                Map.of("kl", new double[1])));
        assertThrows(IllegalArgumentException.class, () -> new EpochCurves(new int[0], Map.of(), Map.of()));
        assertTrue(Files.notExists(dir.resolve("x.png")));
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
        assertEquals(800, image.getWidth());
        assertEquals(700, image.getHeight());
        Set<Integer> colours = colours(image);
        for (int rgb : new int[] {0x1f77b4, 0xff7f0e, 0x2ca02c, 0xd62728, 0x17becf}) {
            assertTrue(colours.contains(rgb), "label colour " + Integer.toHexString(rgb) + " is drawn");
        }
        float[] moved = points.clone();
        moved[0] += 40;
        Path other = new LatentScatterPlot().write(dir.resolve("moved.png"), "digits: ink balance (top vs left)", moved, digits);
        assertFalse(samePixels(png, other), "a moved point is drawn elsewhere");
        assertThrows(IllegalArgumentException.class, () -> new LatentScatterPlot(50, 700));
    }

    @Test
    void writesAScoreHistogramWithTheThreshold() throws IOException {
        float[] normal = new float[400];
        float[] anomalous = new float[40];
        for (int i = 0; i < normal.length; i++) {
            normal[i] = (float) (0.02 + 0.01 * Math.sin(i));
        }
        for (int i = 0; i < anomalous.length; i++) {
            anomalous[i] = 0.05f + 0.001f * i;
        }
        Map<String, float[]> groups = new LinkedHashMap<>();
        groups.put("normal", normal);
        groups.put("anomalous", anomalous);
        groups.put("empty", new float[0]);
        Path png = Previews.file("score-histogram.png");
        new ScoreHistogram().write(png, "reconstruction MSE on digits test", groups, OptionalDouble.of(0.045));
        BufferedImage image = TestImages.read(png);
        assertEquals(800, image.getWidth());
        assertEquals(500, image.getHeight());
        assertTrue(colours(image).contains(ANOMALOUS_RED), "the second group is red");
        Path unmarked = new ScoreHistogram().write(dir.resolve("unmarked.png"), "reconstruction MSE on digits test", groups,
                OptionalDouble.empty());
        assertFalse(samePixels(png, unmarked), "the threshold is drawn");
        Path one = new ScoreHistogram().write(dir.resolve("one.png"), "t", Map.of("all", normal), OptionalDouble.empty());
        assertFalse(colours(TestImages.read(one)).contains(ANOMALOUS_RED), "one group, one colour");
        assertThrows(IllegalArgumentException.class, () -> new ScoreHistogram().write(dir.resolve("none.png"), "t",
                Map.of("all", new float[0]), OptionalDouble.of(1)));
        assertThrows(IllegalArgumentException.class, () -> new ScoreHistogram().write(dir.resolve("nan.png"), "t",
                Map.of("all", new float[] {1, Float.NaN}), OptionalDouble.empty()));
    }

    /** The colours of every other pixel. */
    @Test
    void aSeriesPlotShowsTheChannelsTheScoreAndTheShadedSpans() throws IOException {
        int steps = 300;
        float[] values = new float[steps * 2];
        float[] scores = new float[steps];
        for (int t = 0; t < steps; t++) {
            values[2 * t] = (float) (0.5 + 0.4 * Math.sin(t / 8.0));
            values[2 * t + 1] = (float) (0.5 + 0.4 * Math.cos(t / 13.0));
            scores[t] = t >= 120 && t < 140 ? 0.9f : 0.1f;
        }
        Dataset series = Dataset.unlabeled("sensors", values, 2);
        Path png = Previews.file("series.png");
        new SeriesPlot().write(png, "lstm-ae on sensors", series, 1000, scores, 0.5, List.of(new Span(1118, 1142)), List.of(new Span(1120, 1140)));
        BufferedImage image = TestImages.read(png);
        assertEquals(1200, image.getWidth());
        assertEquals(756, image.getHeight());
        assertTrue(drawsIn(image, TRAIN_BLUE) && drawsIn(image, VALIDATION_ORANGE), "both channels are drawn");
        Path unlabelled = new SeriesPlot().write(dir.resolve("unlabelled.png"), "x", series, 0, scores, 0.5, List.of(), List.of());
        assertFalse(samePixels(png, unlabelled), "spans change the picture");
        assertThrows(IllegalArgumentException.class, () -> new SeriesPlot().write(dir.resolve("short.png"), "x", series, 0,
                new float[steps - 1], 0.5, List.of(), List.of()));
    }

    /** Whether any pixel (1-pixel lines included) has colour {@code rgb}. */
    private static boolean drawsIn(BufferedImage image, int rgb) {
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xFFFFFF) == rgb) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Set<Integer> colours(BufferedImage image) {
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                colours.add(image.getRGB(x, y) & 0xFFFFFF);
            }
        }
        return colours;
    }

    private static boolean samePixels(Path a, Path b) throws IOException {
        BufferedImage x = TestImages.read(a);
        BufferedImage y = TestImages.read(b);
        return x.getWidth() == y.getWidth() && x.getHeight() == y.getHeight()
                && Arrays.equals(x.getRGB(0, 0, x.getWidth(), x.getHeight(), null, 0, x.getWidth()),
                        y.getRGB(0, 0, y.getWidth(), y.getHeight(), null, 0, y.getWidth()));
    }

    @Test
    void everyPlotIsWrittenAtomically() throws IOException {
        Path png = dir.resolve("deep").resolve("loss.png");
        new LossCurvePlot().write(png, "t", new EpochCurves(new int[] {1}, Map.of("total", new double[] {1}), Map.of()));
        try (var files = Files.list(png.getParent())) {
            assertEquals(List.of(png), files.toList(), "no temporary file is left");
        }
    }
}
