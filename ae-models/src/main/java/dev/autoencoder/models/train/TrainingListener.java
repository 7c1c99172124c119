package dev.autoencoder.models.train;

/** Hears about training progress: a progress bar, a metrics log, a best-checkpoint writer. */
public interface TrainingListener {
    /** After each step, with the step's total loss. */
    default void onStep(int epoch, int step, int stepsPerEpoch, double loss, double samplesPerSecond) {
    }

    /** After each epoch (the model holds that epoch's parameters). */
    default void onEpoch(EpochMetrics metrics) {
    }
}
