package dev.autoencoder.spark.score;

import dev.autoencoder.models.family.AnomalyScore;
import java.io.Serializable;

/**
 * How the executors score.
 *
 * @param batchSize            rows per batch through the model
 * @param backend              the backend each executor uses; null picks one by the discovery rules
 *                             ({@code -Dae.backend}, {@code AE_BACKEND}, then priority)
 * @param probabilitySamples   0 scores by reconstruction MSE (as {@code ae anomaly}); L above 0 by a variational
 *                             model's reconstruction probability with L posterior samples
 * @param seed                 seeds the posterior samples of the reconstruction probability (per partition)
 * @param perFeatureErrors     whether to add each row's squared reconstruction error per feature
 */
public record ScoringOptions(int batchSize, String backend, int probabilitySamples, long seed, boolean perFeatureErrors)
        implements Serializable {
    public ScoringOptions {
        if (batchSize < 1 || probabilitySamples < 0) {
            throw new IllegalArgumentException("the batch size must be at least 1 and the probability samples at least 0, got "
                    + batchSize + " and " + probabilitySamples);
        }
    }

    /** Batches of 256, the discovered backend, reconstruction MSE, seed 0, no per-feature errors. */
    public static ScoringOptions defaults() {
        return new ScoringOptions(256, null, 0, 0, false);
    }

    /** These options on the backend named {@code name}. */
    public ScoringOptions withBackend(String name) {
        return new ScoringOptions(batchSize, name, probabilitySamples, seed, perFeatureErrors);
    }

    /** These options in batches of {@code rows}. */
    public ScoringOptions withBatchSize(int rows) {
        return new ScoringOptions(rows, backend, probabilitySamples, seed, perFeatureErrors);
    }

    /** These options with or without the per-feature reconstruction errors. */
    public ScoringOptions withPerFeatureErrors(boolean on) {
        return new ScoringOptions(batchSize, backend, probabilitySamples, seed, on);
    }

    /** The library's score these options name. */
    public AnomalyScore score() {
        return probabilitySamples == 0 ? AnomalyScore.reconstructionError() : AnomalyScore.reconstructionProbability(probabilitySamples);
    }
}
