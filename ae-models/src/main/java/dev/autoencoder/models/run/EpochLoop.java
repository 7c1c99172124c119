package dev.autoencoder.models.run;

import dev.autoencoder.models.family.Autoencoder;
import dev.autoencoder.models.optim.Optimizer;
import dev.autoencoder.models.train.Progress;
import dev.autoencoder.models.train.TrainingListener;
import dev.autoencoder.models.train.TrainingResult;
import java.util.List;

/**
 * Computes a run's epochs over its data: the {@code Trainer} on this machine ({@link LocalEpochs}), or a distributed
 * trainer. The {@link TrainingRun} owns the model, the optimizer and the folder, and commits each epoch when the loop
 * tells its listeners about it; the loop only trains.
 */
public interface EpochLoop {
    /** The data the loop trains on. */
    DataIdentity data();

    /** Samples trained on in each epoch with {@code settings} (after any validation hold-out). */
    int samplesPerEpoch(RunSettings settings);

    /**
     * Trains {@code model} with {@code optimizer} from {@code from} up to {@code settings.epochs()} epochs, telling
     * {@code listeners} about each step and, once the model holds its parameters, each epoch.
     *
     * @throws IllegalArgumentException when the loop cannot train with these settings
     * @throws dev.autoencoder.models.train.TrainingDivergedException naming the first non-finite term or parameter
     */
    TrainingResult fit(Autoencoder model, Optimizer optimizer, RunSettings settings, Progress from, List<TrainingListener> listeners);
}
