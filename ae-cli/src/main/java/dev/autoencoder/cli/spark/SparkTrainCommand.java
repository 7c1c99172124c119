package dev.autoencoder.cli.spark;

import dev.autoencoder.api.TensorBackend;
import dev.autoencoder.cli.model.RunFolder;
import dev.autoencoder.cli.option.BackendOptions;
import dev.autoencoder.cli.option.ModelOptions;
import dev.autoencoder.cli.option.RunFolderOptions;
import dev.autoencoder.cli.option.TrainingOptions;
import dev.autoencoder.cli.option.VerboseOption;
import dev.autoencoder.data.catalog.DataRecipe;
import dev.autoencoder.data.catalog.DataRequest;
import dev.autoencoder.data.catalog.Scaling;
import dev.autoencoder.data.catalog.Task;
import dev.autoencoder.models.family.ModelSpec;
import dev.autoencoder.models.run.EpochLoop;
import dev.autoencoder.models.run.RunReport;
import dev.autoencoder.models.run.RunSettings;
import dev.autoencoder.models.run.TrainingRun;
import dev.autoencoder.models.train.TrainingResult;
import dev.autoencoder.spark.table.SparkTables;
import dev.autoencoder.spark.train.DataParallelTrainer;
import dev.autoencoder.spark.train.Parallelism;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** {@code ae spark train}: data-parallel training on Spark into a standard run folder. */
@Command(name = "train", header = "Train an autoencoder on Spark and write a run folder.", mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {"Trains on the rows of --data (a Parquet table, e.g. from 'ae spark parquet', or a CSV file with a header), "
                + "the samples staying on the executors: synchronously (every step one global batch, as 'ae train' on one "
                + "machine) or, with --local-steps K, by local SGD (K steps per partition, then the models are averaged). "
                + "The driver writes the run folder as 'ae train' does (model.safetensors, best.safetensors, the training state "
                + "for --resume, metrics.csv, data.json); every other ae command takes it.",
            "No validation split: early stopping (--patience) watches the training loss."})
public final class SparkTrainCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private ModelOptions modelOptions;

    @Mixin
    private TableOptions table;

    @Mixin
    private TrainingOptions trainingOptions;

    @Option(names = "--local-steps", paramLabel = "K", defaultValue = "0",
            description = "0: synchronous steps; K > 0: local SGD, averaging every K local steps. Default: ${DEFAULT-VALUE}.")
    private int localSteps;

    @Mixin
    private BackendOptions backendOptions;

    @Mixin
    private SparkOptions sparkOptions;

    @Mixin
    private RunFolderOptions runFolder;

    @Mixin
    private VerboseOption verbose;

    @Override
    public Integer call() {
        String tableName = Path.of(table.data()).getFileName().toString().replaceFirst("\\.(parquet|csv)$", "");
        RunFolder folder = runFolder.folder(modelOptions.name(), tableName);
        boolean resume = runFolder.resume();
        ParseResult given = spec.commandLine().getParseResult();
        BackendOptions.Selected selected = backendOptions.select();
        TensorBackend backend = selected.backend();
        sparkOptions.requireSpark();
        SparkSession spark = SparkJobs.session(sparkOptions);
        Dataset<Row> rows = SparkTables.read(spark, table.data(), table.column(), table.labelColumn(), sparkOptions.partitions());
        // a table without a recipe (not written by 'ae spark parquet'): its values as they are
        DataRecipe recipe = SparkTables.recipe(rows, table.column()).orElseGet(() -> new DataRecipe(new DataRequest(table.data(), null,
                null, table.labelColumn()).absolute(), Scaling.ofRange(0, 1), null, null, Task.RECONSTRUCT, DataRecipe.DEFAULT_FACTOR,
                DataRecipe.defaultPatch(3)));
        TrainingRun run = resume ? TrainingRun.resume(folder.dir(), backend) : null;
        ModelSpec modelSpec;
        if (run != null) {
            modelSpec = run.model().spec();
        } else {
            int[] sampleShape = recipe.images().isPresent() ? recipe.imageShape() : SparkTables.sampleShape(rows, table.column());
            modelSpec = modelOptions.spec(sampleShape, recipe.data().name());
        }
        Parallelism parallelism = localSteps == 0 ? Parallelism.synchronous() : Parallelism.localSgd(localSteps);
        PrintWriter stdout = spec.commandLine().getOut();
        try (DataParallelTrainer trainer = DataParallelTrainer.of(spark, rows, table.column(), modelSpec, recipe.data().name(), parallelism,
                backend.name())) {
            if (run != null) {
                run.extendTo(trainingOptions.resumed(run.settings(), given).epochs());
            } else {
                RunSettings settings = trainingOptions.settings();
                run = TrainingRun.start(folder.dir(), modelSpec, given.hasMatchedOption("--validation-split") ? settings
                        : settings.withValidationSplit(0), recipe, trainer.data(), backend, runFolder.force());
            }
            stdout.printf(Locale.ROOT, "%s %s on Spark (%s, %d partitions, %s): %,d parameters, %,d samples of %s, %s backend%n",
                    resume ? "resuming" : "training", modelSpec.family().id(), spark.sparkContext().master(), trainer.plan(run.settings())
                    .partitions(), parallelism, run.model().parameterCount(), trainer.data().size(), trainer.data().name(), backend.name());
            long began = System.nanoTime();
            TrainingRun training = run;
            EpochLoop epochs = trainer;
            TrainingResult result = TrainingOptions.train(stdout, view -> training.train(epochs, view));
            stdout.println(RunReport.finished(run, result, (System.nanoTime() - began) / 1e9, resume));
            RunReport.files(run).forEach(file -> stdout.println("  " + file));
        }
        stdout.flush();
        return 0;
    }
}
