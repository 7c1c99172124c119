package dev.autoencoder.models.bench;

import java.util.Arrays;

/** The median, the statistic every figure of a benchmark reports (robust to a stray garbage collection). */
final class Medians {
    private Medians() {
    }

    /** The median of {@code values} (the mean of the middle two for an even count). */
    static double of(double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("no value to take the median of");
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
