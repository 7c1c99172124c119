package dev.autoencoder.data.catalog;

import dev.autoencoder.data.Dataset;
import dev.autoencoder.data.series.SlidingWindows;

/**
 * A CSV time series as loaded: its steps (samples of shape {@code {channels}}, labelled per step when the file has a
 * label column) split in time order into a training and a test part, scaled, and the windows the parts are cut into.
 * What scoring per time step needs; {@link #windowed()} is what a model trains on.
 *
 * @param name    the file's name, for titles
 * @param train   the first steps
 * @param test    the last steps, fewer than the training part (see {@link Holdout#TEST_FRACTION})
 * @param windows how the steps are cut into windows
 * @param scaling how the raw values were scaled, per channel
 */
public record SeriesData(String name, Dataset train, Dataset test, SlidingWindows windows, Scaling scaling) {
    /** The windows of each part ({@code [channels, steps]}), as models train on and score them. */
    public LoadedData windowed() {
        return new LoadedData(name, windows.apply(train), windows.apply(test), scaling);
    }

    /** The number of the first step of {@code split} in the whole series. */
    public int firstStep(Split split) {
        return split == Split.TEST ? train.size() : 0;
    }

    /** The steps of {@code split}: {@link Split#ALL} is the whole series. */
    public Dataset steps(Split split) {
        return split.of(train, test);
    }
}
