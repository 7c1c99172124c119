package dev.autoencoder.models.train;

import java.util.List;

/**
 * The outcome of {@link Trainer#fit}.
 *
 * @param history      metrics of the epochs run in this call
 * @param progress     where the run stands now (for a later resume)
 * @param stoppedEarly whether early stopping ended it
 */
public record TrainingResult(List<EpochMetrics> history, Progress progress, boolean stoppedEarly) {
    public TrainingResult {
        history = List.copyOf(history);
    }
}
