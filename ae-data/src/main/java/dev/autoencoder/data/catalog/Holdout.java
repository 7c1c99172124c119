package dev.autoencoder.data.catalog;

import dev.autoencoder.api.random.Rng;
import dev.autoencoder.data.Dataset;
import dev.autoencoder.data.batch.Splits;

/**
 * The test part of a source that brings no test files: a fixed {@value #TEST_FRACTION} of its samples, drawn with a
 * constant seed of its own. It never depends on a run's seed, so every command (and every run on the same data)
 * sees the same test part, and a model is never tested on samples it trained on.
 */
public final class Holdout {
    /** Share of the samples held out for testing. */
    public static final double TEST_FRACTION = 0.2;
    private static final long SEED = 0x7E57L;

    private Holdout() {
    }

    /** {@code all} split into a training part and the fixed test part, as views of it. */
    public static Splits split(Dataset all) {
        return Splits.shuffled(all, 0, TEST_FRACTION, new Rng(SEED));
    }

    /** {@code all} split by {@link #split} and scaled by {@code scaling}. */
    static LoadedData of(String name, Dataset all, Scaling scaling) {
        Splits parts = split(all);
        return LoadedData.scaled(name, parts.train().toDataset(), parts.test().toDataset(), scaling);
    }
}
