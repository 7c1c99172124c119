package dev.autoencoder.models.anomaly;

import dev.autoencoder.data.Dataset;
import dev.autoencoder.data.catalog.InputShapes;
import dev.autoencoder.data.series.SlidingWindows;
import dev.autoencoder.data.series.WindowLayout;
import dev.autoencoder.models.family.ModelSpec;
import dev.autoencoder.models.inference.Inference;
import java.util.Optional;

/**
 * Anomaly scores of a series from a model of its windows: each window's score is its mean squared reconstruction error
 * (over its steps and channels, as {@link dev.autoencoder.models.family.AnomalyScore#reconstructionError()} scores a
 * sample), and each step's is its squared error averaged over the channels, then averaged over the windows that cover
 * it, so that a step is judged by every window that saw it. Steps after the last full window are covered by none and
 * get no score.
 *
 * @param windows     the score of each window, in time order
 * @param steps       the score of each step covered by a window: steps {@code 0} to {@code steps.length - 1}
 * @param windowTruth whether each window is anomalous (touches a step labelled 1), when the series has 0/1 labels
 * @param stepTruth   whether each covered step is anomalous (labelled 1), when the series has 0/1 labels
 */
public record SeriesScores(float[] windows, float[] steps, Optional<boolean[]> windowTruth, Optional<boolean[]> stepTruth) {
    /**
     * The scores of {@code series} (samples of shape {@code {channels}}, one per step, scaled as the model's training
     * data) cut by {@code cut}, from the model of {@code inference}.
     *
     * @throws IllegalArgumentException when the model takes no windows of a series or not these, the series is shorter
     *     than one window, or a score is not finite
     */
    public static SeriesScores of(Inference inference, Dataset series, SlidingWindows cut) {
        ModelSpec spec = inference.model().spec();
        String model = "the " + spec.family().id() + " model";
        WindowLayout layout = spec.windowLayout().orElseThrow(() -> new IllegalArgumentException(model
                + " takes no windows of a series; scoring a series needs a model of windows such as lstm-ae"));
        Dataset windows = cut.apply(series);
        Dataset input = InputShapes.fit(windows, spec.inputShape(), Optional.of(layout), model);
        float[] output = inference.reconstruct(input);
        float[] x = input.data();
        int length = cut.length();
        int channels = layout.channels(input.sampleShape());
        int count = windows.size();
        float[] windowScores = new float[count];
        int covered = cut.windowStart(count - 1) + length;
        double[] sums = new double[covered];
        int[] covering = new int[covered];
        for (int w = 0; w < count; w++) {
            int base = w * length * channels;
            double total = 0;
            for (int t = 0; t < length; t++) {
                double error = 0;
                for (int c = 0; c < channels; c++) {
                    int i = base + layout.offset(t, c, length, channels);
                    double d = output[i] - x[i];
                    error += d * d;
                }
                error /= channels;
                total += error;
                sums[cut.windowStart(w) + t] += error;
                covering[cut.windowStart(w) + t]++;
            }
            windowScores[w] = (float) (total / length);
        }
        float[] stepScores = new float[covered];
        for (int t = 0; t < covered; t++) {
            stepScores[t] = (float) (sums[t] / covering[t]);
        }
        return new SeriesScores(Scores.requireFinite(windowScores), Scores.requireFinite(stepScores),
                GroundTruth.of(windows, Optional.empty()), GroundTruth.of(series.slice(0, covered), Optional.empty()));
    }
}
