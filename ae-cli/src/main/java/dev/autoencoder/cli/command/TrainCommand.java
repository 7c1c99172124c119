package dev.autoencoder.cli.command;

import dev.autoencoder.api.TensorBackend;
import dev.autoencoder.cli.model.RunFolder;
import dev.autoencoder.cli.option.BackendOptions;
import dev.autoencoder.cli.option.DataOptions;
import dev.autoencoder.cli.option.FactorOption;
import dev.autoencoder.cli.option.ModelOptions;
import dev.autoencoder.cli.option.PatchOption;
import dev.autoencoder.cli.option.RunFolderOptions;
import dev.autoencoder.cli.option.TrainingOptions;
import dev.autoencoder.cli.option.VerboseOption;
import dev.autoencoder.cli.report.Pictures;
import dev.autoencoder.cli.report.PriorPictures;
import dev.autoencoder.data.Dataset;
import dev.autoencoder.data.catalog.Classes;
import dev.autoencoder.data.catalog.DataCatalog;
import dev.autoencoder.data.catalog.DataRecipe;
import dev.autoencoder.data.catalog.DataRequest;
import dev.autoencoder.data.catalog.InputShapes;
import dev.autoencoder.data.catalog.LoadedData;
import dev.autoencoder.data.catalog.Task;
import dev.autoencoder.data.plot.LossCurvePlot;
import dev.autoencoder.models.family.Autoencoder;
import dev.autoencoder.models.family.ModelSpec;
import dev.autoencoder.models.inference.Inference;
import dev.autoencoder.models.run.RunData;
import dev.autoencoder.models.run.RunSettings;
import dev.autoencoder.models.run.TrainingRun;
import dev.autoencoder.models.run.RunReport;
import dev.autoencoder.models.train.MetricsCsv;
import dev.autoencoder.models.train.Trainer;
import dev.autoencoder.models.train.TrainingResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
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

    @Mixin
    private RunFolderOptions runFolder;

    @Mixin
    private VerboseOption verbose;

    @Override
    public Integer call() {
        RunFolder folder = runFolder.folder(modelOptions.name(), dataOptions.request(Optional.empty()).name());
        boolean resume = runFolder.resume();
        BackendOptions.Selected selected = backendOptions.select();
        TensorBackend backend = selected.backend();
        PrintWriter stdout = spec.commandLine().getOut();
        TrainingRun run;
        LoadedData loaded;
        RunData data;
        if (resume) {
            run = TrainingRun.resume(folder.dir(), backend);
            loaded = new DataCatalog().load(run.recipe().data(), Optional.of(run.recipe().scaling()));
            requireSameAsRun(run, loaded);
            data = RunData.of(loaded, run.recipe(), run.model().spec(), run.settings().seed(),
                    "the " + run.model().spec().family().id() + " model of " + run.folder());
            run.previousBackend().ifPresent(before -> stdout.println("note: the run trained on " + before + " and continues on "
                    + backend.name() + " (bit-exact only on the same backend)"));
        } else {
            DataRequest request = dataOptions.request(Optional.empty());
            loaded = new DataCatalog().load(request, Optional.empty());
            ModelSpec modelSpec = modelOptions.spec(loaded.train().sampleShape(), loaded.name(), Classes.count(loaded.train()));
            DataRecipe recipe = DataRecipe.of(request, loaded, normalClass, task, factor.value(), patch.value());
            RunSettings settings = trainingOptions.settings();
            String name = modelOptions.preset().map(p -> "preset " + p.id()).orElse("the " + modelSpec.family().id() + " model");
            data = RunData.of(loaded, recipe, modelSpec, settings.seed(), name);
            run = TrainingRun.start(folder.dir(), modelSpec, settings, recipe, data, backend, runFolder.force());
        }
        RunReport.header(run, data, backend, selected.selection(), resume).forEach(stdout::println);
        stdout.flush();
        long began = System.nanoTime();
        TrainingRun training = run;
        RunData trained = data;
        TrainingResult result = TrainingOptions.train(stdout, view -> training.train(trained, view));
        double seconds = (System.nanoTime() - began) / 1e9;
        List<Path> pictures = pictures(folder, run, backend, loaded.name(), data);
        stdout.println(RunReport.finished(run, result, seconds, resume));
        Stream.concat(RunReport.files(run).stream(), pictures.stream()).forEach(p -> stdout.println("  " + p));
        stdout.flush();
        return 0;
    }

    /** Refuses options given with --resume that ask for something else than the run does; takes the new --epochs. */
    private void requireSameAsRun(TrainingRun run, LoadedData loaded) {
        ParseResult given = spec.commandLine().getParseResult();
        DataRecipe recipe = run.recipe();
        requireSame(given, "--data", dataOptions.request(Optional.empty()), recipe.data());
        requireSame(given, "--task", task, recipe.task());
        requireSame(given, "--normal-class", normalClass, recipe.normalClass());
        requireSame(given, "--factor", factor.value().orElse(null), recipe.factor());
        requireSame(given, "--patch", patch.value().orElse(null), recipe.patch());
        if (modelOptions.given() && !modelOptions.spec(loaded.train().sampleShape(), loaded.name(), Classes.count(loaded.train()))
                .equals(run.model().spec())) {
            throw new IllegalArgumentException(run.folder() + " holds a " + run.model().spec().family().id() + " model of another "
                    + "architecture than the options ask for; --resume continues the same model");
        }
        run.extendTo(trainingOptions.resumed(run.settings(), given).epochs());
    }

    private static void requireSame(ParseResult given, String option, Object asked, Object run) {
        if (given.hasMatchedOption(option) && !Objects.equals(asked, run)) {
            throw new IllegalArgumentException(option + " " + asked + " differs from the run's " + run
                    + "; --resume continues with the run's data and task");
        }
    }

    /** The loss curves, reconstructions of validation samples, and a VAE's samples. */
    private List<Path> pictures(RunFolder folder, TrainingRun run, TensorBackend backend, String dataName, RunData data) {
        RunSettings settings = run.settings();
        Autoencoder model = run.model();
        List<Path> written = new ArrayList<>();
        String name = model.spec().family().id() + " on " + dataName;
        written.add(new LossCurvePlot().write(folder.lossPlot(), name, MetricsCsv.readCurves(folder.dir().resolve(TrainingRun.METRICS))));
        Optional<Pictures> pictures = InputShapes.displayShape(model.spec().inputShape(), run.recipe().images()).map(Pictures::new);
        if (pictures.isEmpty()) {
            return written;
        }
        int[] validation = new Trainer(backend, settings.config(), List.of()).split(data.size()).validation();
        int[] shown = Arrays.copyOf(validation.length > 0 ? validation : new int[] {0},
                Math.min(PICTURE_SAMPLES, Math.max(1, validation.length)));
        Dataset shownInputs = data.inputs().select(shown).toDataset();
        Dataset shownTargets = data.targets().select(shown).toDataset();
        Inference inference = new Inference(backend, model, settings.batchSize());
        int n = shown.length;
        List<String> columns = new ArrayList<>(List.of("input", "output"));
        List<Dataset> stages = new ArrayList<>(List.of(pictures.get().images("input", shownInputs.data(), n, shownTargets),
                pictures.get().images("output", inference.reconstruct(shownInputs))));
        if (run.recipe().degradation().isPresent()) {
            columns.add("target");
            stages.add(pictures.get().images("target", shownTargets.data()));
        }
        written.add(pictures.get().comparison(folder.reconstructions(), name + ", validation samples", columns, stages));
        if (model.generative().isPresent()) {
            PriorPictures prior = new PriorPictures(inference, pictures.get());
            written.add(prior.samples(folder.samples(), GENERATED_SAMPLES, GENERATED_COLUMNS, settings.seed()));
            if (model.spec().latent() == 2 && model.spec().classes() == 0) {
                written.add(prior.traversal(folder.traversal(), PriorPictures.DEFAULT_GRID, PriorPictures.DEFAULT_RANGE));
            }
        }
        return written;
    }
}
