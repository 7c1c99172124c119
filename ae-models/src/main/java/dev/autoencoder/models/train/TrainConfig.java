package dev.autoencoder.models.train;

import dev.autoencoder.api.DType;
import java.io.Serializable;

/**
 * How to train. Serializable, so that distributed training can ship it to its workers.
 *
 * @param epochs             epochs to run (in total, counting those done before a resume)
 * @param batchSize          samples per step; the last batch of an epoch may be smaller
 * @param seed               seeds the split, each epoch's shuffle and each epoch's noise
 * @param validationFraction share of the data held out for validation, in {@code [0, 1)}
 * @param patience           epochs without validation improvement before stopping early; 0 never stops early
 * @param clipNorm           maximum global gradient norm; 0 does not clip
 * @param klWarmupEpochs     epochs over which a VAE's KL weight rises linearly to 1; 0 for none
 * @param dtype              the dtype of data and parameters
 */
public record TrainConfig(int epochs, int batchSize, long seed, double validationFraction, int patience, double clipNorm,
        int klWarmupEpochs, DType dtype) implements Serializable {
    public TrainConfig {
        if (epochs < 1 || batchSize < 1 || !(validationFraction >= 0 && validationFraction < 1) || patience < 0
                || !(clipNorm >= 0) || klWarmupEpochs < 0) {
            throw new IllegalArgumentException("invalid training configuration " + this);
        }
    }

    /** {@code epochs} epochs of batch {@code batchSize}, seed {@code seed}, 10% validation, no early stop, F32. */
    public static TrainConfig of(int epochs, int batchSize, long seed) {
        return new TrainConfig(epochs, batchSize, seed, 0.1, 0, 0, 0, DType.F32);
    }

    /** The KL weight during {@code epoch}. */
    public double klWeight(int epoch) {
        return klWarmupEpochs == 0 ? 1.0 : Math.min(1.0, (epoch + 1.0) / klWarmupEpochs);
    }
}
