package dev.autoencoder.models.run;

import dev.autoencoder.api.DType;
import dev.autoencoder.data.io.JsonValues;
import dev.autoencoder.models.nn.Parameter;
import dev.autoencoder.models.optim.LrSchedule;
import dev.autoencoder.models.optim.Optimizer;
import dev.autoencoder.models.train.TrainConfig;
import java.util.Map;

/**
 * How a run trains, stored with it so that a resumed run continues with exactly the same settings (only the number
 * of epochs may grow).
 *
 * @param epochs          epochs in total
 * @param batchSize       samples per step
 * @param optimizer       the optimizer
 * @param lr              the base learning rate
 * @param schedule        how the rate changes over the epochs (null: constant)
 * @param weightDecay     the optimizer's weight decay (null: the optimizer's default, 0.01 for AdamW, else 0)
 * @param seed            seeds parameters, split, shuffles and noise
 * @param validationSplit share of the training part held out for validation
 * @param patience        epochs without improvement before stopping; 0 never stops early
 * @param clipNorm        largest global gradient norm; 0 does not clip
 * @param klWarmup        epochs over which a VAE's KL weight rises to 1
 * @param pretrainEpochs  epochs of each greedy pretraining stage (models that have stages)
 */
public record RunSettings(int epochs, int batchSize, OptimizerKind optimizer, double lr, Schedule schedule, Double weightDecay,
        long seed, double validationSplit, int patience, double clipNorm, int klWarmup, int pretrainEpochs) {

    public RunSettings {
        require(epochs >= 1, "the epochs must be at least 1, got " + epochs);
        require(batchSize >= 1, "the batch size must be at least 1, got " + batchSize);
        require(optimizer != null, "an optimizer is needed");
        require(lr > 0 && !Double.isInfinite(lr), "the learning rate must be positive, got " + lr);
        schedule = schedule == null ? Schedule.constant() : schedule;
        weightDecay = weightDecay == null ? optimizer.defaultWeightDecay() : weightDecay;
        require(weightDecay >= 0 && !weightDecay.isInfinite(), "the weight decay must be at least 0, got " + weightDecay);
        require(validationSplit >= 0 && validationSplit < 1, "the validation split must be in [0, 1), got " + validationSplit);
        require(patience >= 0, "the patience must be at least 0, got " + patience);
        require(clipNorm >= 0, "the gradient clipping norm must be at least 0, got " + clipNorm);
        require(klWarmup >= 0, "the KL warm-up must be at least 0 epochs, got " + klWarmup);
        require(pretrainEpochs >= 0, "the pretraining epochs must be at least 0, got " + pretrainEpochs);
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

    /** The configuration of one greedy pretraining stage: no early stop, no KL warm-up. */
    public TrainConfig pretrainConfig() {
        return new TrainConfig(pretrainEpochs, batchSize, seed, validationSplit, 0, clipNorm, 0, DType.F32);
    }

    /** The learning rate of each epoch. */
    public LrSchedule learningRates() {
        return schedule.of(lr);
    }

    /** A fresh optimizer of these settings over {@code parameters}. */
    public Optimizer newOptimizer(Map<String, Parameter> parameters) {
        return optimizer.create(parameters, weightDecay);
    }

    /** These settings with another number of epochs. */
    public RunSettings withEpochs(int newEpochs) {
        return new RunSettings(newEpochs, batchSize, optimizer, lr, schedule, weightDecay, seed, validationSplit, patience, clipNorm,
                klWarmup, pretrainEpochs);
    }

    /** These settings with another validation split. */
    public RunSettings withValidationSplit(double split) {
        return new RunSettings(epochs, batchSize, optimizer, lr, schedule, weightDecay, seed, split, patience, clipNorm, klWarmup,
                pretrainEpochs);
    }

    /** As JSON, for the run's files. */
    public String toJson() {
        return JsonValues.write(this);
    }

    /** The settings written by {@link #toJson()} (or by an earlier release, whose settings had no schedule or decay). */
    public static RunSettings fromJson(String json) {
        return JsonValues.read(json, RunSettings.class, "training settings");
    }
}
