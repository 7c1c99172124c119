package dev.autoencoder.models.train;

import java.util.Map;

/**
 * What one epoch measured.
 *
 * @param epoch          0-based epoch
 * @param train          every loss term (and "total"), averaged over the epoch's training samples
 * @param validation     the same on the validation split (empty without one)
 * @param learningRate   the rate used
 * @param samplesPerSecond training throughput
 * @param improved       whether the monitored loss reached a new best
 */
public record EpochMetrics(int epoch, Map<String, Double> train, Map<String, Double> validation, double learningRate,
        double samplesPerSecond, boolean improved) {
    /** The loss early stopping watches: validation total, or training total without a validation split. */
    public double monitored() {
        return (validation.isEmpty() ? train : validation).get("total");
    }
}
