package dev.autoencoder.data.series;

import dev.autoencoder.data.Dataset;
import dev.autoencoder.data.Samples;

/**
 * Cuts a multivariate time series into overlapping fixed-length windows, the usual input of an
 * autoencoder that scores anomalies on a series. The series is given as samples of shape
 * {@code {C}} in time order (one sample per time step, e.g. the rows of a CSV file); window
 * {@code w} covers steps {@code [w * stride, w * stride + length)} and becomes a sample of shape
 * {@code {C, length}}, channel-major (all steps of channel 0, then channel 1, ...). Steps after the
 * last full window are not used.
 *
 * <p>When the series is labeled (e.g. 0 = normal, 1 = anomaly per step), a window's label is the
 * largest label among its steps, so a window touching an anomaly is an anomaly.
 */
public final class SlidingWindows {
    private final int length;
    private final int stride;

    /** Windows of {@code length} steps, starting every {@code stride} steps (both at least 1). */
    public SlidingWindows(int length, int stride) {
        if (length < 1 || stride < 1) {
            throw new IllegalArgumentException("window length and stride must be at least 1, got " + length + " and "
                    + stride);
        }
        this.length = length;
        this.stride = stride;
    }

    /** Steps per window. */
    public int length() {
        return length;
    }

    /** Steps between the starts of consecutive windows. */
    public int stride() {
        return stride;
    }

    /** How many full windows fit in a series of {@code steps} steps (0 when it is shorter than one window). */
    public int windowCount(int steps) {
        return steps < length ? 0 : (steps - length) / stride + 1;
    }

    /** The first step covered by window {@code window}. */
    public int windowStart(int window) {
        return window * stride;
    }

    /**
     * The windows of {@code series}.
     *
     * @throws IllegalArgumentException when the samples are not of shape {@code {C}} or the series is
     *     shorter than one window
     */
    public Dataset apply(Samples series) {
        int[] shape = series.sampleShape();
        if (shape.length != 1) {
            throw new IllegalArgumentException("a series needs samples of shape {channels}, got rank " + shape.length);
        }
        int channels = shape[0];
        int windows = windowCount(series.size());
        if (windows == 0) {
            throw new IllegalArgumentException("series '" + series.name() + "' has " + series.size()
                    + " steps, fewer than one window of " + length);
        }
        float[] steps = series.features();
        float[] out = new float[Math.multiplyExact(windows, channels * length)];
        int[] labels = series.hasLabels() ? new int[windows] : null;
        for (int w = 0; w < windows; w++) {
            int start = windowStart(w);
            int base = w * channels * length;
            for (int t = 0; t < length; t++) {
                for (int c = 0; c < channels; c++) {
                    out[base + c * length + t] = steps[(start + t) * channels + c];
                }
            }
            if (labels != null) {
                labels[w] = maxLabel(series, start);
            }
        }
        return new Dataset(series.name() + "-windows", out, new int[] {channels, length}, labels, series.classNames());
    }

    private int maxLabel(Samples series, int start) {
        int max = series.label(start);
        for (int t = start + 1; t < start + length; t++) {
            max = Math.max(max, series.label(t));
        }
        return max;
    }
}
