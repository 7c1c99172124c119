package dev.autoencoder.cli.train;

import dev.autoencoder.cli.model.RunFolder;
import dev.autoencoder.models.checkpoint.ModelCheckpoint;
import dev.autoencoder.models.checkpoint.Provenance;
import dev.autoencoder.models.checkpoint.TrainingState;
import dev.autoencoder.models.family.Autoencoder;
import dev.autoencoder.models.optim.Optimizer;
import dev.autoencoder.models.train.EpochMetrics;
import dev.autoencoder.models.train.MetricsCsv;
import dev.autoencoder.models.train.Progress;
import dev.autoencoder.models.train.TrainingListener;
import java.util.ArrayList;
import java.util.List;

/**
 * Saves a run after every epoch, each file atomically: the weights ({@code model.safetensors}), the best weights
 * so far ({@code best.safetensors}), the optimizer state and progress for {@code --resume}, and
 * {@code metrics.csv}. A run that stops (diverged, interrupted) keeps its last good epoch and can be resumed.
 */
public final class CheckpointWriter implements TrainingListener {
    private final RunFolder run;
    private final Autoencoder model;
    private final Optimizer optimizer;
    private final TrainSettings settings;
    private final Provenance provenance;
    private final List<EpochMetrics> history;
    private Progress progress;

    /**
     * @param progress where the run stands before this fit ({@link Progress#start()} for a new run)
     * @param earlier  the metrics of the epochs run before (read back from a resumed run)
     */
    public CheckpointWriter(RunFolder run, Autoencoder model, Optimizer optimizer, TrainSettings settings, Provenance provenance,
            Progress progress, List<EpochMetrics> earlier) {
        this.run = run;
        this.model = model;
        this.optimizer = optimizer;
        this.settings = settings;
        this.provenance = provenance;
        this.progress = progress;
        this.history = new ArrayList<>(earlier);
    }

    @Override
    public void onEpoch(EpochMetrics m) {
        progress = m.improved() ? new Progress(m.epoch() + 1, m.monitored(), m.epoch(), 0)
                : new Progress(m.epoch() + 1, progress.bestLoss(), progress.bestEpoch(), progress.epochsWithoutImprovement() + 1);
        history.add(m);
        ModelCheckpoint.save(run.model(), model, provenance);
        if (m.improved()) {
            ModelCheckpoint.save(run.best(), model, provenance);
        }
        ModelCheckpoint.saveTrainingState(run.trainState(), new TrainingState(settings.optimizer().toString(), optimizer.state(),
                optimizer.steps(), progress, settings.toJson()));
        MetricsCsv.write(run.metrics(), history);
    }

    /** Every epoch's metrics, earlier runs included. */
    public List<EpochMetrics> history() {
        return List.copyOf(history);
    }

    /** Where the run stands after the last saved epoch. */
    public Progress progress() {
        return progress;
    }
}
