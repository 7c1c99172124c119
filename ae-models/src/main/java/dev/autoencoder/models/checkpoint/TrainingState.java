package dev.autoencoder.models.checkpoint;

import dev.autoencoder.api.Tensor;
import dev.autoencoder.models.train.Progress;
import java.util.Map;

/**
 * What resuming needs besides the weights.
 *
 * @param optimizer      the optimizer's name ({@code adam}, {@code adamw}, {@code sgd}), which the caller recreates
 * @param optimizerState slot tensors by {@code <parameter>.<slot>}
 * @param optimizerSteps completed optimizer steps
 * @param progress       epoch and early-stopping state
 * @param trainConfig    the training configuration as JSON, so a resume can refuse a changed one
 */
public record TrainingState(String optimizer, Map<String, Tensor> optimizerState, long optimizerSteps, Progress progress,
        String trainConfig) {
}
