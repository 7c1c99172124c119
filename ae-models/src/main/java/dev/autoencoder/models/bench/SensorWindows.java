package dev.autoencoder.models.bench;

import dev.autoencoder.data.Dataset;
import dev.autoencoder.data.catalog.LoadedData;
import dev.autoencoder.data.catalog.Scaling;
import dev.autoencoder.data.series.SensorSeries;
import dev.autoencoder.data.series.SlidingWindows;
import dev.autoencoder.data.transform.FeatureAffine;
import dev.autoencoder.data.transform.Standardizer;

/**
 * The data of W4 {@code lstm-ae} (WORKLOADS.md): the {@link SensorSeries} of {@value #CHANNELS} channels, no anomalies
 * and seed {@value #SEED}, {@value #TRAIN_STEPS} + {@value #TEST_STEPS} steps long; its first {@value #TRAIN_STEPS} steps
 * train and the rest test; every channel is standardised by its mean and standard deviation on the training steps;
 * each part is cut into windows of {@value #WINDOW} steps at stride 1: 20,000 training and 5,000 test windows
 * {@code [channels, steps]}. {@code ae make-series --steps 25126 --channels 8 --anomalies 0 --seed 4} writes the same
 * series, from which {@code scripts/pytorch_bench.py} cuts the same windows.
 */
public final class SensorWindows {
    /** Steps per window. */
    public static final int WINDOW = 64;
    /** Channels of the series. */
    public static final int CHANNELS = 8;
    /** The first steps, cut into the 20,000 training windows. */
    public static final int TRAIN_STEPS = 20_000 + WINDOW - 1;
    /** The steps after them, cut into the 5,000 test windows. */
    public static final int TEST_STEPS = 5_000 + WINDOW - 1;
    /** The seed of the series. */
    public static final long SEED = 4;

    private SensorWindows() {
    }

    /** The training and test windows, standardised per channel on the training steps. */
    public static LoadedData load() {
        SensorSeries series = SensorSeries.generate(new SensorSeries.Settings(TRAIN_STEPS + TEST_STEPS, CHANNELS, 0, 0, SEED));
        Dataset steps = series.dataset("w4-sensors");
        FeatureAffine standard = Standardizer.fitPerFeature(steps.slice(0, TRAIN_STEPS));
        SlidingWindows windows = new SlidingWindows(WINDOW, 1);
        return new LoadedData(steps.name(), windows.apply(standard.apply(steps.slice(0, TRAIN_STEPS))),
                windows.apply(standard.apply(steps.slice(TRAIN_STEPS, steps.size()))), new Scaling(standard.offsets(), standard.scales()));
    }
}
