package dev.autoencoder.models.train;

import java.util.Map;

/** Hears about training progress: a progress bar, a metrics log, a best-checkpoint writer. */
public interface TrainingListener {
    /**
     * After each step, with the step's loss terms (every term of the objective, then {@code total}) and the
     * epoch's training throughput so far.
     */
    default void onStep(int epoch, int step, int stepsPerEpoch, Map<String, Double> terms, double samplesPerSecond) {
    }

    /** After each epoch (the model holds that epoch's parameters). */
    default void onEpoch(EpochMetrics metrics) {
    }
}
