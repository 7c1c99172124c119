package dev.autoencoder.data.batch;

import dev.autoencoder.data.DatasetView;
import dev.autoencoder.data.Samples;
import java.util.random.RandomGenerator;

/**
 * A training, a validation and a test part of some samples, each a view sharing the original
 * features. Part sizes are {@code round(n * fraction)} for validation and test; training gets the
 * rest and must not be empty.
 *
 * @param train the samples to fit on
 * @param validation the samples to choose hyper-parameters and stop early on (may be empty)
 * @param test the samples to report on (may be empty)
 */
public record Splits(DatasetView train, DatasetView validation, DatasetView test) {

    /** Splits {@code samples} after a seeded shuffle (the usual choice for independent samples). */
    public static Splits shuffled(Samples samples, double validationFraction, double testFraction,
            RandomGenerator rng) {
        return cut(Shuffling.shuffle(samples, rng), validationFraction, testFraction);
    }

    /**
     * Splits {@code samples} in their order: training first, then validation, then test (the choice
     * for time series, where the future must not leak into training).
     */
    public static Splits inOrder(Samples samples, double validationFraction, double testFraction) {
        return cut(samples.slice(0, samples.size()), validationFraction, testFraction);
    }

    private static Splits cut(DatasetView all, double validationFraction, double testFraction) {
        if (!(validationFraction >= 0 && testFraction >= 0 && validationFraction + testFraction < 1)) {
            throw new IllegalArgumentException("fractions must be non-negative with a sum below 1, got "
                    + validationFraction + " and " + testFraction);
        }
        int n = all.size();
        int test = (int) Math.round(n * testFraction);
        int validation = (int) Math.round(n * validationFraction);
        int train = n - validation - test;
        if (train <= 0) {
            throw new IllegalArgumentException("no samples left for training out of " + n);
        }
        return new Splits(all.slice(0, train), all.slice(train, train + validation), all.slice(train + validation, n));
    }
}
