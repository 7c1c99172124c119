package dev.autoencoder.models.run;

import dev.autoencoder.api.TensorBackend;
import dev.autoencoder.api.discovery.BackendSelection;
import dev.autoencoder.data.catalog.DataRecipe;
import dev.autoencoder.models.family.ModelSpec;
import dev.autoencoder.models.train.TrainingResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** How a training run went, in the words {@code ae train} and {@code ae spark train} print. */
public final class RunReport {
    private RunReport() {
    }

    /**
     * The lines before training on this machine: the model, the data, the backend and the settings.
     *
     * @param backend   the backend it trains on
     * @param selection its name and why it was chosen
     * @param resumed   whether this training continues an earlier one
     */
    public static List<String> header(TrainingRun run, RunData data, TensorBackend backend, BackendSelection selection, boolean resumed) {
        ModelSpec s = run.model().spec();
        RunSettings settings = run.settings();
        DataRecipe recipe = run.recipe();
        return List.of(String.format(Locale.ROOT, "%s %s: %,d parameters, input %s, latent %d", resumed ? "resuming" : "training",
                s.family().id(), run.model().parameterCount(), s.inputShape(), s.latent()),
                String.format(Locale.ROOT, "data %s: %,d training samples (%,d per epoch, the rest validates)%s%s", data.name(), data.size(),
                        new LocalEpochs(backend, data).samplesPerEpoch(settings), recipe.normalClass() != null ? ", class "
                                + recipe.normalClass() + " only" : "", recipe.degradation().map(d -> ", inputs with " + d.describe()).orElse("")),
                String.format(Locale.ROOT, "%s backend (%s), %s%s, %s lr %s, batch %d, seed %d -> %s", selection.name(), selection.reason(),
                        epochs(settings.epochs()), resumed ? " in total" : "", settings.optimizer(), settings.lr(), settings.batchSize(),
                        settings.seed(), run.folder()),
                "(* marks a new best validation loss, saved as best.safetensors)");
    }

    /**
     * The line after training, e.g. {@code done after 3 epochs (12.5 s); best validation loss 0.0123 at epoch 3}: the
     * validation loss when the run holds out a validation split, else the training loss.
     *
     * @param resumed whether this training continued an earlier one
     */
    public static String finished(TrainingRun run, TrainingResult result, double seconds, boolean resumed) {
        return String.format(Locale.ROOT, "%s after %s (%.1f s)%s; best %s loss %.6g at epoch %d",
                result.stoppedEarly() ? "stopped early" : "done", epochs(result.progress().nextEpoch()), seconds, resumed ? ", resumed" : "",
                run.settings().validationSplit() > 0 ? "validation" : "training", result.progress().bestLoss(),
                result.progress().bestEpoch() + 1);
    }

    /** The files every epoch commits: the last and best checkpoints, the training state and the metrics. */
    public static List<Path> files(TrainingRun run) {
        return Stream.of(TrainingRun.MODEL, TrainingRun.BEST, TrainingRun.STATE, TrainingRun.METRICS).map(run.folder()::resolve).toList();
    }

    /** {@code 1 epoch}, {@code n epochs}. */
    public static String epochs(int n) {
        return n == 1 ? "1 epoch" : n + " epochs";
    }
}
