package dev.autoencoder.cli.report;

import java.math.BigDecimal;
import java.util.Arrays;

/**
 * An anomaly threshold on scores, from the scores of normal (training) samples.
 *
 * @param value       the threshold: scores above it are anomalies
 * @param description how it was chosen, for the report
 */
public record Threshold(double value, String description) {
    /** The {@code percentile}-th percentile (nearest rank) of {@code scores}. */
    public static Threshold percentile(float[] scores, double percentile) {
        if (!(percentile > 0 && percentile <= 100)) {
            throw new IllegalArgumentException("--threshold-percentile must be in (0, 100], got " + percentile);
        }
        float[] sorted = scores.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(percentile / 100 * sorted.length);
        return new Threshold(sorted[Math.max(0, rank - 1)], "percentile " + BigDecimal.valueOf(percentile).stripTrailingZeros()
                .toPlainString() + " of " + scores.length + " training scores");
    }

    /** {@code mean + k * std} of {@code scores}. */
    public static Threshold sigma(float[] scores, double k) {
        double mean = 0;
        for (float s : scores) {
            mean += s / (double) scores.length;
        }
        double variance = 0;
        for (float s : scores) {
            variance += (s - mean) * (s - mean) / scores.length;
        }
        return new Threshold(mean + k * Math.sqrt(variance), "mean + " + BigDecimal.valueOf(k).stripTrailingZeros().toPlainString()
                + " standard deviations of " + scores.length + " training scores");
    }

    /** A value given by the user. */
    public static Threshold fixed(double value) {
        return new Threshold(value, "given");
    }
}
