package dev.autoencoder.data.series;

import dev.autoencoder.data.Dataset;
import java.util.Arrays;

/**
 * How one window of a multivariate series is laid out as a sample: channel-major {@code [channels, steps]} (what
 * {@link SlidingWindows} makes, and what 1-D convolutions take) or step-major {@code [steps, channels]} (what recurrent
 * models take). Models of windows say which they take; this is the one place where windows change layout.
 */
public enum WindowLayout {
    /** {@code [channels, steps]}: all steps of channel 0, then channel 1, ... */
    CHANNELS_FIRST,
    /** {@code [steps, channels]}: all channels of step 0, then step 1, ... */
    STEPS_FIRST;

    /** The sample shape of a window of {@code steps} steps of {@code channels} channels. */
    public int[] shape(int steps, int channels) {
        return this == CHANNELS_FIRST ? new int[] {channels, steps} : new int[] {steps, channels};
    }

    /** The steps of a window of sample shape {@code shape}. */
    public int steps(int[] shape) {
        return shape[this == CHANNELS_FIRST ? 1 : 0];
    }

    /** The channels of a window of sample shape {@code shape}. */
    public int channels(int[] shape) {
        return shape[this == CHANNELS_FIRST ? 0 : 1];
    }

    /** Where step {@code step} of channel {@code channel} lies in one window of {@code steps} x {@code channels} values. */
    public int offset(int step, int channel, int steps, int channels) {
        return this == CHANNELS_FIRST ? channel * steps + step : step * channels + channel;
    }

    /**
     * {@code windows} as {@link SlidingWindows} makes them ({@code [channels, steps]}) laid out as this layout says; the
     * same dataset when it already is.
     *
     * @throws IllegalArgumentException when the samples are not windows (of rank 2)
     */
    public Dataset arrange(Dataset windows) {
        int[] shape = windows.sampleShape();
        if (shape.length != 2) {
            throw new IllegalArgumentException("windows of a series have samples of shape [channels, steps], but '" + windows.name()
                    + "' has samples of shape " + Arrays.toString(shape));
        }
        if (this == CHANNELS_FIRST) {
            return windows;
        }
        int channels = shape[0];
        int steps = shape[1];
        int size = channels * steps;
        float[] in = windows.data();
        float[] out = new float[in.length];
        for (int base = 0; base < in.length; base += size) {
            for (int c = 0; c < channels; c++) {
                for (int t = 0; t < steps; t++) {
                    out[base + offset(t, c, steps, channels)] = in[base + CHANNELS_FIRST.offset(t, c, steps, channels)];
                }
            }
        }
        return windows.withFeatures(out, shape(steps, channels));
    }
}
