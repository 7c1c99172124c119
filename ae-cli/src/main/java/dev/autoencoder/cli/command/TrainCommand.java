package dev.autoencoder.cli.command;

import dev.autoencoder.api.DType;
import dev.autoencoder.api.TensorBackend;
import dev.autoencoder.api.random.Rng;
import dev.autoencoder.cli.model.RunFolder;
import dev.autoencoder.cli.option.BackendOptions;
import dev.autoencoder.cli.option.DataOptions;
import dev.autoencoder.cli.option.FactorOption;
import dev.autoencoder.cli.option.ModelOptions;
import dev.autoencoder.cli.option.PatchOption;
import dev.autoencoder.cli.option.TrainingOptions;
import dev.autoencoder.cli.option.VerboseOption;
import dev.autoencoder.cli.report.Pictures;
import dev.autoencoder.cli.report.PriorPictures;
import dev.autoencoder.cli.train.CheckpointWriter;
import dev.autoencoder.cli.train.TrainSettings;
import dev.autoencoder.cli.train.Training;
import dev.autoencoder.data.Dataset;
import dev.autoencoder.data.catalog.Classes;
import dev.autoencoder.data.catalog.DataCatalog;
import dev.autoencoder.data.catalog.DataRecipe;
import dev.autoencoder.data.catalog.DataRequest;
import dev.autoencoder.data.catalog.Degradation;
import dev.autoencoder.data.catalog.InputShapes;
import dev.autoencoder.data.catalog.LoadedData;
import dev.autoencoder.data.catalog.Task;
import dev.autoencoder.data.plot.LossCurvePlot;
import dev.autoencoder.models.checkpoint.ModelCheckpoint;
import dev.autoencoder.models.checkpoint.Provenance;
import dev.autoencoder.models.checkpoint.TrainingState;
import dev.autoencoder.models.factory.Models;
import dev.autoencoder.models.family.Autoencoder;
import dev.autoencoder.models.family.ModelSpec;
import dev.autoencoder.models.inference.Inference;
import dev.autoencoder.models.nn.Init;
import dev.autoencoder.models.optim.Optimizer;
import dev.autoencoder.models.train.EpochMetrics;
import dev.autoencoder.models.train.MetricsCsv;
import dev.autoencoder.models.train.Progress;
import dev.autoencoder.models.train.Trainer;
import dev.autoencoder.models.train.TrainingData;
import dev.autoencoder.models.train.TrainingDivergedException;
import dev.autoencoder.models.train.TrainingResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

/**
 * {@code ae train}: trains a model and writes a run folder: the last and best checkpoints, the training state for
 * {@code --resume}, the metrics, the loss curves, reconstructions of validation samples (and a VAE's samples), and
 * the data recipe that later commands follow.
 */
@Command(name = "train", header = "Train an autoencoder and write a run folder.",
        mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Writes into --out: model.safetensors (last epoch), best.safetensors (best "
                + "validation loss), model.train-state.safetensors (for --resume), metrics.csv, loss.png, reconstructions.png "
                + "(for a VAE also samples.png, and traversal.png for a 2-d latent space), and data.json (how the data was read, for the other commands).",
            "Data is scaled to [0, 1]: the digits by 16, 8-bit images by 255, CSV columns by their range on the training part."})
public final class TrainCommand implements Callable<Integer> {
    private static final int PICTURE_SAMPLES = 8;
    private static final int GENERATED_SAMPLES = 64;
    private static final int GENERATED_COLUMNS = 8;

    @Spec
    private CommandSpec spec;

    @Mixin
    private ModelOptions modelOptions;

    @Mixin
    private DataOptions dataOptions;

    @Mixin
    private TrainingOptions trainingOptions;

    @Option(names = "--task", paramLabel = "TASK", defaultValue = "reconstruct",
            description = "${COMPLETION-CANDIDATES}: learn to reconstruct the input, or to restore it from a lower resolution "
                    + "(--factor) or a missing patch (--patch). Default: ${DEFAULT-VALUE}.")
    private Task task;

    @Mixin
    private FactorOption factor;

    @Mixin
    private PatchOption patch;

    @Option(names = "--normal-class", paramLabel = "LABEL",
            description = "Train on the samples of this label only (one-class anomaly detection; see 'ae anomaly').")
    private Integer normalClass;

    @Mixin
    private BackendOptions backendOptions;

    @Option(names = "--out", paramLabel = "DIR", description = "The run folder. Default: runs/<model>-<data>.")
    private Path out;

    @Option(names = "--force", description = "Start afresh in a run folder that already holds a checkpoint (its files are replaced).")
    private boolean force;

    @Option(names = "--resume", description = "Continue the run in --out from its last epoch, with its model and settings, "
            + "up to --epochs.")
    private boolean resume;

    @Mixin
    private VerboseOption verbose;

    /** Everything a fit starts from: fresh, or read back from a run folder. */
    private record Start(Autoencoder model, String modelName, Optimizer optimizer, TrainSettings settings, Progress progress,
            List<EpochMetrics> history, DataRecipe recipe, LoadedData data) {
    }

    @Override
    public Integer call() throws IOException {
        if (resume && force) {
            throw new IllegalArgumentException("--resume continues a run and --force replaces it: choose one");
        }
        BackendOptions.Selected selected = backendOptions.select();
        TensorBackend backend = selected.backend();
        RunFolder run = new RunFolder(out != null ? out : Path.of("runs", modelOptions.name() + "-"
                + dataOptions.request(Optional.empty()).name()));
        Start start = resume ? resumed(run, backend) : fresh(run, backend);
        TrainSettings settings = start.settings();
        Dataset part = trainingPart(start);
        Dataset clean = fit(part, start);
        Optional<Degradation> degradation = start.recipe().degradation();
        Dataset inputs = degradation.map(d -> fit(d.apply(part, new Rng(settings.seed())), start)).orElse(clean);
        TrainingData data = new TrainingData(inputs.data(), clean.data(), clean.sampleShape());
        PrintWriter stdout = spec.commandLine().getOut();
        Training training = new Training(backend, settings, stdout, System.console() != null);
        printHeader(stdout, start, data, training, selected, run);
        if (!resume) {
            start.recipe().write(run.dir());
            if (settings.pretrainEpochs() > 0) {
                training.pretrain(start.model(), data);
            }
        }
        Provenance provenance = new Provenance(settings.seed(), backend.name(), backend.version(), Provenance.frameworkVersion(),
                start.data().name(), data.size());
        CheckpointWriter writer = new CheckpointWriter(run, start.model(), start.optimizer(), settings, provenance, start.progress(),
                start.history());
        long began = System.nanoTime();
        TrainingResult result;
        try {
            result = training.fit(start.model(), start.optimizer(), data, start.progress(), writer);
        } catch (TrainingDivergedException e) {
            throw new TrainingDivergedException(e.getMessage() + "; " + (writer.progress().nextEpoch() > 0
                    ? "epoch " + writer.progress().nextEpoch() + ", the last good one, is saved in " + run.dir()
                    : "no epoch completed, nothing was saved") + " (try a lower --lr or --clip-norm)");
        }
        double seconds = (System.nanoTime() - began) / 1e9;
        List<Path> pictures = pictures(run, start, backend, inputs, clean);
        stdout.printf(Locale.ROOT, "%s after %s (%.1f s)%s; best %s loss %.6g at epoch %d%n",
                result.stoppedEarly() ? "stopped early" : "done", epochs(result.progress().nextEpoch()), seconds,
                resume ? ", resumed" : "", settings.validationSplit() > 0 ? "validation" : "training", result.progress().bestLoss(),
                result.progress().bestEpoch() + 1);
        for (Path file : List.of(run.model(), run.best(), run.trainState(), run.metrics())) {
            stdout.println("  " + file);
        }
        pictures.forEach(p -> stdout.println("  " + p));
        stdout.flush();
        return 0;
    }

    /**
     * A new run: the data, the model of the options, fresh parameters and optimizer. With {@code --force}, the files
     * of an earlier run in the folder are deleted once the new run's data and model are known to be good.
     */
    private Start fresh(RunFolder run, TensorBackend backend) throws IOException {
        run.requireNoCheckpoint(force);
        DataRequest request = dataOptions.request(Optional.empty());
        LoadedData data = new DataCatalog().load(request, Optional.empty());
        ModelSpec modelSpec = modelOptions.spec(data.train().sampleShape(), data.name());
        Optional<int[]> imageShape = data.images() ? Optional.of(data.train().sampleShape()) : Optional.empty();
        int patchSide = patch.value().orElseGet(() -> PatchOption.defaultFor(imageShape.map(s -> s[1]).orElse(3)));
        DataRecipe recipe = new DataRecipe(request, data.scaling(), imageShape.orElse(null), normalClass, task,
                factor.value().orElse(FactorOption.DEFAULT), patchSide);
        TrainSettings settings = trainingOptions.settings();
        Autoencoder model = Models.build(modelSpec, new Init(backend, DType.F32, new Rng(settings.seed())));
        String name = modelOptions.preset().map(p -> "preset " + p.id()).orElse("the " + modelSpec.family().id() + " model");
        if (force) {
            run.clear();
        }
        return new Start(model, name, settings.optimizer().create(model.parameters()), settings, Progress.start(), List.of(), recipe,
                data);
    }

    /** A resumed run: the model, optimizer state, progress, settings and data recipe saved in its folder. */
    private Start resumed(RunFolder run, TensorBackend backend) {
        if (!Files.isRegularFile(run.trainState()) || !Files.isRegularFile(run.model())) {
            throw new IllegalArgumentException(run.dir() + " holds no run to resume (model.safetensors and "
                    + "model.train-state.safetensors); train without --resume first");
        }
        DataRecipe recipe = DataRecipe.read(run.dir()).orElseThrow(() -> new IllegalArgumentException(run.dir()
                + " has no " + DataRecipe.FILE_NAME + "; it cannot be resumed"));
        ParseResult given = spec.commandLine().getParseResult();
        requireSame(given, "--data", dataOptions.request(Optional.empty()), recipe.data());
        requireSame(given, "--task", task, recipe.task());
        requireSame(given, "--normal-class", normalClass, recipe.normalClass());
        requireSame(given, "--factor", factor.value().orElse(null), recipe.factor());
        requireSame(given, "--patch", patch.value().orElse(null), recipe.patch());
        LoadedData data = new DataCatalog().load(recipe.data(), Optional.of(recipe.scaling()));
        Autoencoder model = ModelCheckpoint.load(run.model(), backend, DType.F32).model();
        if (modelOptions.given()) {
            ModelSpec asked = modelOptions.spec(data.train().sampleShape(), data.name());
            if (!asked.equals(model.spec())) {
                throw new IllegalArgumentException(run.model() + " holds " + describe(model.spec()) + ", but the options ask for "
                        + describe(asked) + "; --resume continues the same model");
            }
        }
        TrainingState state = ModelCheckpoint.loadTrainingState(run.trainState(), backend, DType.F32);
        TrainSettings settings = trainingOptions.resumed(TrainSettings.fromJson(state.trainConfig()), given);
        if (settings.epochs() <= state.progress().nextEpoch()) {
            throw new IllegalArgumentException(run.dir() + " has already run " + state.progress().nextEpoch()
                    + " epochs; give --epochs above that to continue");
        }
        Optimizer optimizer = settings.optimizer().create(model.parameters());
        optimizer.restore(state.optimizerState(), state.optimizerSteps());
        return new Start(model, "the " + model.spec().family().id() + " model of " + run.model(), optimizer, settings, state.progress(),
                MetricsCsv.read(run.metrics()), recipe, data);
    }

    private static void requireSame(ParseResult given, String option, Object asked, Object run) {
        if (given.hasMatchedOption(option) && !Objects.equals(asked, run)) {
            throw new IllegalArgumentException(option + " " + asked + " differs from the run's " + run
                    + "; --resume continues with the run's data and task");
        }
    }

    private static String describe(ModelSpec s) {
        return "a " + s.family().id() + " (input " + s.inputShape() + ", hidden " + s.hidden() + ", latent " + s.latent() + ")";
    }

    /** The samples trained on: the training part, or its samples of the normal class for a one-class model. */
    private static Dataset trainingPart(Start start) {
        Integer normal = start.recipe().normalClass();
        return normal == null ? start.data().train() : Classes.only(start.data().train(), normal);
    }

    /** {@code data} in the model's input shape. */
    private static Dataset fit(Dataset data, Start start) {
        return InputShapes.fit(data, start.model().spec().inputShape(), start.modelName());
    }

    private void printHeader(PrintWriter stdout, Start start, TrainingData data, Training training, BackendOptions.Selected selected,
            RunFolder run) {
        ModelSpec s = start.model().spec();
        TrainSettings settings = start.settings();
        stdout.printf(Locale.ROOT, "%s %s: %,d parameters, input %s, latent %d%n", resume ? "resuming" : "training",
                s.family().id(), start.model().parameterCount(), s.inputShape(), s.latent());
        stdout.printf(Locale.ROOT, "data %s: %,d training samples (%,d per epoch, the rest validates)%s%s%n", start.data().name(),
                data.size(), training.trainSamples(data),
                start.recipe().normalClass() != null ? ", class " + start.recipe().normalClass() + " only" : "",
                start.recipe().degradation().map(d -> ", inputs with " + d.describe()).orElse(""));
        stdout.printf(Locale.ROOT, "%s backend (%s), %s%s, %s lr %s, batch %d, seed %d -> %s%n", selected.selection().name(),
                selected.selection().reason(), epochs(settings.epochs()), resume ? " in total" : "", settings.optimizer(), settings.lr(),
                settings.batchSize(), settings.seed(), run.dir());
        stdout.println("(* marks a new best validation loss, saved as best.safetensors)");
        stdout.flush();
    }

    /** The loss curves, reconstructions of validation samples, and a VAE's samples. */
    private List<Path> pictures(RunFolder run, Start start, TensorBackend backend, Dataset inputs, Dataset targets) {
        TrainSettings settings = start.settings();
        List<Path> written = new ArrayList<>();
        String name = start.model().spec().family().id() + " on " + start.data().name();
        written.add(new LossCurvePlot().write(run.lossPlot(), name, MetricsCsv.readCurves(run.metrics())));
        Optional<Pictures> pictures = InputShapes.displayShape(start.model().spec().inputShape(),
                start.recipe().images()).map(Pictures::new);
        if (pictures.isEmpty()) {
            return written;
        }
        int[] validation = new Trainer(backend, settings.config(), List.of()).split(targets.size()).validation();
        int[] shown = Arrays.copyOf(validation.length > 0 ? validation : new int[] {0},
                Math.min(PICTURE_SAMPLES, Math.max(1, validation.length)));
        Dataset shownInputs = inputs.select(shown).toDataset();
        Dataset shownTargets = targets.select(shown).toDataset();
        Inference inference = new Inference(backend, start.model(), settings.batchSize());
        int n = shown.length;
        List<String> columns = new ArrayList<>(List.of("input", "output"));
        List<Dataset> stages = new ArrayList<>(List.of(pictures.get().images("input", shownInputs.data(), n, shownTargets),
                pictures.get().images("output", inference.reconstruct(shownInputs))));
        if (start.recipe().degradation().isPresent()) {
            columns.add("target");
            stages.add(pictures.get().images("target", shownTargets.data()));
        }
        written.add(pictures.get().comparison(run.reconstructions(), name + ", validation samples", columns, stages));
        if (start.model().generative().isPresent()) {
            PriorPictures prior = new PriorPictures(inference, pictures.get());
            written.add(prior.samples(run.samples(), GENERATED_SAMPLES, GENERATED_COLUMNS, settings.seed()));
            if (start.model().spec().latent() == 2) {
                written.add(prior.traversal(run.traversal(), PriorPictures.DEFAULT_GRID, PriorPictures.DEFAULT_RANGE));
            }
        }
        return written;
    }

    private static String epochs(int n) {
        return n == 1 ? "1 epoch" : n + " epochs";
    }
}
