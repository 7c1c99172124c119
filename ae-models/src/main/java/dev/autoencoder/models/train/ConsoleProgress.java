package dev.autoencoder.models.train;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Shows training as it runs. On a terminal a status line (epoch, step, loss terms, throughput, time left) is
 * redrawn in place with a carriage return, cut to the terminal's width so that it never wraps; elsewhere (a pipe, a log file, a test) only one plain line per epoch is
 * printed. Every epoch ends with a line of its training and validation losses.
 */
public final class ConsoleProgress implements TrainingListener {
    private static final long REDRAW_NANOS = 100_000_000L;
    private static final int DEFAULT_WIDTH = 120;

    private final PrintWriter out;
    private final boolean interactive;
    private final String label;
    private final int epochs;
    private final int trainSamples;
    private final int batchSize;
    private final int width = terminalWidth();
    private long lastDraw;
    private int drawnWidth;

    /**
     * @param out          where to print
     * @param interactive  whether {@code out} is a terminal (redraw in place)
     * @param label        what is trained, e.g. {@code pretraining stage 1/2}, or empty
     * @param epochs       epochs of this fit in total
     * @param trainSamples samples per epoch
     * @param batchSize    samples per step
     */
    public ConsoleProgress(PrintWriter out, boolean interactive, String label, int epochs, int trainSamples, int batchSize) {
        this.out = out;
        this.interactive = interactive;
        this.label = label.isEmpty() ? "" : label + "  ";
        this.epochs = epochs;
        this.trainSamples = trainSamples;
        this.batchSize = batchSize;
    }

    /** A view that prints to {@code out}, redrawing in place when it is a terminal ({@code interactive}). */
    public static ProgressView view(PrintWriter out, boolean interactive) {
        return (label, epochs, samplesPerEpoch, batchSize) -> new ConsoleProgress(out, interactive, label, epochs, samplesPerEpoch,
                batchSize);
    }

    @Override
    public void onStep(int epoch, int step, int stepsPerEpoch, Map<String, Double> terms, double samplesPerSecond) {
        long now = System.nanoTime();
        if (!interactive || now - lastDraw < REDRAW_NANOS && step + 1 < stepsPerEpoch) {
            return;
        }
        lastDraw = now;
        long samplesLeft = (long) (stepsPerEpoch - step - 1) * batchSize + (long) (epochs - epoch - 1) * trainSamples;
        String line = String.format(Locale.ROOT, "%sepoch %d/%d step %d/%d  %s  %,.0f/s  ETA %s", label, epoch + 1, epochs,
                step + 1, stepsPerEpoch, terms(terms).replace("  ", " "), samplesPerSecond, duration(samplesLeft / samplesPerSecond));
        line = line.substring(0, Math.min(line.length(), width - 1));
        out.print("\r" + line + " ".repeat(Math.max(0, drawnWidth - line.length())));
        out.flush();
        drawnWidth = line.length();
    }

    @Override
    public void onEpoch(EpochMetrics m) {
        if (interactive && drawnWidth > 0) {
            out.print("\r" + " ".repeat(drawnWidth) + "\r");
            drawnWidth = 0;
        }
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%sepoch %d/%d  train %s", label, m.epoch() + 1, epochs,
                terms(m.train())));
        if (!m.validation().isEmpty()) {
            line.append("  |  val ").append(terms(m.validation()));
        }
        line.append(String.format(Locale.ROOT, "  |  %,.0f samples/s  %s", m.samplesPerSecond(),
                duration(trainSamples / m.samplesPerSecond())));
        if (m.improved()) {
            line.append("  *");
        }
        out.println(line);
        out.flush();
    }

    /** The terminal's width from {@code $COLUMNS} when the shell exports it, else {@value #DEFAULT_WIDTH}. */
    private static int terminalWidth() {
        try {
            return Math.max(40, Integer.parseInt(System.getenv().getOrDefault("COLUMNS", "")));
        } catch (NumberFormatException e) {
            return DEFAULT_WIDTH;
        }
    }

    /** {@code reconstruction 0.0712  kl 4.310  total 39.90}, or {@code loss 0.0712} for a loss of one term. */
    static String terms(Map<String, Double> terms) {
        if (terms.size() == 2 && terms.containsKey("total")) {
            return String.format(Locale.ROOT, "loss %.4g", terms.get("total"));
        }
        return terms.entrySet().stream().map(e -> String.format(Locale.ROOT, "%s %.4g", e.getKey(), e.getValue()))
                .collect(Collectors.joining("  "));
    }

    /** {@code 42s}, {@code 3m05s} or {@code 1h02m}. */
    static String duration(double seconds) {
        if (!Double.isFinite(seconds)) {
            return "?";
        }
        long s = Math.round(seconds);
        if (s < 60) {
            return s + "s";
        }
        if (s < 3600) {
            return String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
        }
        return String.format(Locale.ROOT, "%dh%02dm", s / 3600, s % 3600 / 60);
    }
}
