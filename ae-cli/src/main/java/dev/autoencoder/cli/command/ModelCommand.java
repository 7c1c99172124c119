package dev.autoencoder.cli.command;

import dev.autoencoder.api.TensorBackend;
import dev.autoencoder.cli.option.BackendOptions;
import dev.autoencoder.cli.option.CheckpointOption;
import dev.autoencoder.cli.option.VerboseOption;
import dev.autoencoder.cli.report.Pictures;
import dev.autoencoder.data.catalog.DataRecipe;
import dev.autoencoder.data.catalog.InputShapes;
import dev.autoencoder.models.inference.Inference;
import dev.autoencoder.models.run.LoadedModel;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Base of the commands that use a trained model: the checkpoint, backend and output options they share, and what
 * those give, each made once and only when a command needs it: the backend, the model, batched inference, pictures.
 */
abstract class ModelCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private CheckpointOption checkpoint;

    @Mixin
    private BackendOptions backendOptions;

    @Mixin
    private VerboseOption verbose;

    @Option(names = "--out", paramLabel = "DIR", description = "Where to write results. Default: the checkpoint's folder.")
    private Path out;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1",
            description = "Seeds every random draw (noise, a VAE's samples). Default: ${DEFAULT-VALUE}.")
    private long seed;

    @Option(names = "--batch-size", paramLabel = "N", defaultValue = "256",
            description = "Samples per inference batch. Default: ${DEFAULT-VALUE}.")
    private int batchSize;

    private TensorBackend backend;
    private LoadedModel model;

    @Override
    public final Integer call() throws Exception {
        run();
        stdout().flush();
        return 0;
    }

    /** Does the command's job. */
    protected abstract void run() throws Exception;

    /** Standard output. */
    protected final PrintWriter stdout() {
        return spec.commandLine().getOut();
    }

    /** The seed of every random draw. */
    protected final long seed() {
        return seed;
    }

    /** The selected backend. */
    protected final TensorBackend backend() {
        if (backend == null) {
            backend = backendOptions.select().backend();
        }
        return backend;
    }

    /** The model of {@code --checkpoint}. */
    protected final LoadedModel model() {
        if (model == null) {
            model = LoadedModel.load(checkpoint.path(), backend());
        }
        return model;
    }

    /** Batched inference with the model. */
    protected final Inference inference() {
        return new Inference(backend(), model().model(), batchSize);
    }

    /** The image shape of the model's data before any flattening, when known. */
    protected Optional<int[]> imageShape() {
        return model().recipe().flatMap(DataRecipe::images);
    }

    /** How the model's samples are drawn, if they are images. */
    protected final Optional<Pictures> pictures() {
        return InputShapes.displayShape(model().model().spec().inputShape(), imageShape()).map(Pictures::new);
    }

    /** The folder results go to: {@code --out}, else the checkpoint's folder. */
    protected final Path out() {
        return out != null ? out : model().file().toAbsolutePath().getParent();
    }

    /** {@code file} in the output folder. */
    protected final Path output(String file) {
        return out().resolve(file);
    }
}
