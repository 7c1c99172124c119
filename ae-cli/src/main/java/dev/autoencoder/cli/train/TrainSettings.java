package dev.autoencoder.cli.train;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autoencoder.api.DType;
import dev.autoencoder.models.train.TrainConfig;

/**
 * The training options of a run, saved in its training state so that {@code --resume} continues with the same ones
 * (only the number of epochs may grow).
 *
 * @param epochs          epochs in total
 * @param batchSize       samples per step
 * @param optimizer       the optimizer
 * @param lr              the learning rate
 * @param seed            seeds parameters, split, shuffles and noise
 * @param validationSplit share of the training part held out for validation
 * @param patience        epochs without improvement before stopping; 0 never stops early
 * @param clipNorm        largest global gradient norm; 0 does not clip
 * @param klWarmup        epochs over which a VAE's KL weight rises to 1
 * @param pretrainEpochs  epochs of each greedy pretraining stage of a stacked autoencoder
 */
public record TrainSettings(int epochs, int batchSize, OptimizerKind optimizer, double lr, long seed, double validationSplit,
        int patience, double clipNorm, int klWarmup, int pretrainEpochs) {

    private static final ObjectMapper JSON = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public TrainSettings {
        require(epochs >= 1, "--epochs must be at least 1, got " + epochs);
        require(batchSize >= 1, "--batch-size must be at least 1, got " + batchSize);
        require(lr > 0 && !Double.isInfinite(lr), "--lr must be positive, got " + lr);
        require(validationSplit >= 0 && validationSplit < 1, "--validation-split must be in [0, 1), got " + validationSplit);
        require(patience >= 0, "--patience must be at least 0, got " + patience);
        require(clipNorm >= 0, "--clip-norm must be at least 0, got " + clipNorm);
        require(klWarmup >= 0, "--kl-warmup must be at least 0, got " + klWarmup);
        require(pretrainEpochs >= 0, "--pretrain-epochs must be at least 0, got " + pretrainEpochs);
    }

    private static void require(boolean condition, String problem) {
        if (!condition) {
            throw new IllegalArgumentException(problem);
        }
    }

    /** The trainer's configuration. */
    public TrainConfig config() {
        return new TrainConfig(epochs, batchSize, seed, validationSplit, patience, clipNorm, klWarmup, DType.F32);
    }

    /** The configuration of one greedy pretraining stage of a stacked autoencoder: no early stop, no KL warm-up. */
    public TrainConfig pretrainConfig() {
        return new TrainConfig(pretrainEpochs, batchSize, seed, validationSplit, 0, clipNorm, 0, DType.F32);
    }

    /** These settings with another number of epochs. */
    public TrainSettings withEpochs(int newEpochs) {
        return new TrainSettings(newEpochs, batchSize, optimizer, lr, seed, validationSplit, patience, clipNorm, klWarmup,
                pretrainEpochs);
    }

    /** As JSON, for the training state. */
    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + this, e);
        }
    }

    /** The settings written by {@link #toJson()}. */
    public static TrainSettings fromJson(String json) {
        try {
            return JSON.readValue(json, TrainSettings.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("unreadable training settings: " + e.getOriginalMessage(), e);
        }
    }
}
