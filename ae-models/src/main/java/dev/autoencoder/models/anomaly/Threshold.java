package dev.autoencoder.models.anomaly;

/**
 * An anomaly threshold: scores above it are anomalies.
 *
 * @param value       the threshold
 * @param description how it was chosen, for reports
 */
public record Threshold(double value, String description) {
    public Threshold {
        if (Double.isNaN(value)) {
            throw new IllegalArgumentException("an anomaly threshold cannot be NaN");
        }
    }

    /** Whether {@code score} is above the threshold. */
    public boolean flags(double score) {
        return score > value;
    }
}
