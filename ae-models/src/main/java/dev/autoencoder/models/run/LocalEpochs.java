package dev.autoencoder.models.run;

import dev.autoencoder.api.TensorBackend;
import dev.autoencoder.models.family.Autoencoder;
import dev.autoencoder.models.optim.Optimizer;
import dev.autoencoder.models.train.Progress;
import dev.autoencoder.models.train.Trainer;
import dev.autoencoder.models.train.TrainingListener;
import dev.autoencoder.models.train.TrainingResult;
import java.util.List;

/** A run's epochs on this machine: the {@link Trainer} on the run's data and backend. */
final class LocalEpochs implements EpochLoop {
    private final TensorBackend backend;
    private final RunData data;

    LocalEpochs(TensorBackend backend, RunData data) {
        this.backend = backend;
        this.data = data;
    }

    @Override
    public DataIdentity data() {
        return data.identity();
    }

    @Override
    public int samplesPerEpoch(RunSettings settings) {
        return new Trainer(backend, settings.config(), List.of()).split(data.size()).train().length;
    }

    @Override
    public TrainingResult fit(Autoencoder model, Optimizer optimizer, RunSettings settings, Progress from, List<TrainingListener> listeners) {
        return new Trainer(backend, settings.config(), listeners).fit(model, optimizer, settings.learningRates(), data.training(), from);
    }
}
