package dev.autoencoder.models.anomaly;

import java.io.Serializable;

/**
 * An anomaly threshold: scores above it are anomalies. Serializable, so that distributed jobs can ship it to their
 * workers.
 *
 * @param value       the threshold
 * @param description how it was chosen, for reports
 */
public record Threshold(double value, String description) implements Serializable {
    public Threshold {
        if (Double.isNaN(value)) {
            throw new IllegalArgumentException("an anomaly threshold cannot be NaN");
        }
    }

    /** Whether {@code score} is above the threshold. */
    public boolean flags(double score) {
        return score > value;
    }

    /**
     * Whether each of {@code scores} is above the threshold.
     *
     * @throws IllegalArgumentException when a score is not finite
     */
    public boolean[] flags(float[] scores) {
        Scores.requireFinite(scores);
        boolean[] flagged = new boolean[scores.length];
        for (int i = 0; i < scores.length; i++) {
            flagged[i] = flags(scores[i]);
        }
        return flagged;
    }
}
