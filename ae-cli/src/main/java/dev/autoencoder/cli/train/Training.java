package dev.autoencoder.cli.train;

import dev.autoencoder.api.TensorBackend;
import dev.autoencoder.models.family.Autoencoder;
import dev.autoencoder.models.family.Objective;
import dev.autoencoder.models.optim.LrSchedule;
import dev.autoencoder.models.optim.Optimizer;
import dev.autoencoder.models.train.Progress;
import dev.autoencoder.models.train.TrainConfig;
import dev.autoencoder.models.train.Trainer;
import dev.autoencoder.models.train.TrainingData;
import dev.autoencoder.models.train.TrainingListener;
import dev.autoencoder.models.train.TrainingResult;
import java.io.PrintWriter;
import java.util.List;

/**
 * Trains a model with the settings of a run and shows its progress: the greedy layer-wise pretraining of a stacked
 * autoencoder, and the main fit, whose epochs a {@link CheckpointWriter} saves.
 */
public final class Training {
    private final TensorBackend backend;
    private final TrainSettings settings;
    private final PrintWriter out;
    private final boolean interactive;

    /**
     * @param out         where progress goes
     * @param interactive whether {@code out} is a terminal (progress redrawn in place)
     */
    public Training(TensorBackend backend, TrainSettings settings, PrintWriter out, boolean interactive) {
        this.backend = backend;
        this.settings = settings;
        this.out = out;
        this.interactive = interactive;
    }

    /** Samples trained on per epoch: the data less the validation split. */
    public int trainSamples(TrainingData data) {
        return new Trainer(backend, settings.config(), List.of()).split(data.size()).train().length;
    }

    /** Greedy pretraining: each stage trains one encoder layer and its decoder on the codes of the layers below. */
    public void pretrain(Autoencoder model, TrainingData data) {
        List<Objective> stages = model.pretrainingStages();
        TrainConfig config = settings.pretrainConfig();
        for (int k = 0; k < stages.size(); k++) {
            Objective stage = stages.get(k);
            String label = "pretraining layer " + (k + 1) + "/" + stages.size();
            Trainer trainer = new Trainer(backend, config, List.of(printer(label, config.epochs(), data)));
            trainer.fit(stage, settings.optimizer().create(stage.parameters()), schedule(), data, Progress.start());
        }
    }

    /** The main fit from {@code from}, saved after every epoch by {@code writer}. */
    public TrainingResult fit(Autoencoder model, Optimizer optimizer, TrainingData data, Progress from, CheckpointWriter writer) {
        List<TrainingListener> listeners = List.of(printer("", settings.epochs(), data), writer);
        return new Trainer(backend, settings.config(), listeners).fit(model, optimizer, schedule(), data, from);
    }

    private ProgressPrinter printer(String label, int epochs, TrainingData data) {
        return new ProgressPrinter(out, interactive, label, epochs, trainSamples(data), settings.batchSize());
    }

    private LrSchedule schedule() {
        return LrSchedule.constant(settings.lr());
    }
}
