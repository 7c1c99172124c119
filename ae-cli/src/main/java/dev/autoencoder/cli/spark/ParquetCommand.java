package dev.autoencoder.cli.spark;

import dev.autoencoder.cli.option.DataOptions;
import dev.autoencoder.cli.option.VerboseOption;
import dev.autoencoder.data.Dataset;
import dev.autoencoder.data.catalog.DataCatalog;
import dev.autoencoder.data.catalog.DataRecipe;
import dev.autoencoder.data.catalog.DataRequest;
import dev.autoencoder.data.catalog.LoadedData;
import dev.autoencoder.data.catalog.Task;
import dev.autoencoder.spark.table.SampleTables;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ae spark parquet}: any dataset ae reads, as a Parquet table for the cluster. */
@Command(name = "parquet", header = "Write a dataset as Parquet for Spark.", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Reads --data as every ae command does (IDX, CSV, image folders, series windows; scaled to [0, 1]) and "
                + "writes one row per sample: id (long), features (array<float>, row-major in the sample's shape) and label "
                + "(int, null without labels). The features column's metadata carries the data recipe, so a model trained on "
                + "the table by 'ae spark train' records how its data was made, as 'ae train' does."})
public final class ParquetCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private DataOptions dataOptions;

    @Option(names = "--split", paramLabel = "PART", defaultValue = "train",
            description = "train or test: which part of the data to write. Default: ${DEFAULT-VALUE}.")
    private String split;

    @Option(names = "--repeat", paramLabel = "N", defaultValue = "1",
            description = "Write the samples N times (ids keep counting), e.g. a larger table for throughput measurements. "
                    + "Default: ${DEFAULT-VALUE}.")
    private int repeat;

    @Mixin
    private TableOutput output;

    @Mixin
    private SparkOptions sparkOptions;

    @Mixin
    private VerboseOption verbose;

    @Override
    public Integer call() {
        if (!split.equals("train") && !split.equals("test")) {
            throw new IllegalArgumentException("--split takes train or test, not '" + split + "'");
        }
        sparkOptions.requireSpark();
        DataRequest request = dataOptions.request(Optional.empty());
        LoadedData loaded = new DataCatalog().load(request, Optional.empty());
        Dataset part = split.equals("train") ? loaded.train() : loaded.test();
        DataRecipe recipe = DataRecipe.of(request, loaded, null, Task.RECONSTRUCT, Optional.empty(), Optional.empty());
        long began = System.nanoTime();
        long rows = SampleTables.write(SparkJobs.session(sparkOptions), part, repeat, recipe, sparkOptions.partitions(), output.out(),
                output.force());
        spec.commandLine().getOut().printf(Locale.ROOT, "wrote %,d rows of %s (%s part, %d values each) to %s in %.1f s%n", rows,
                loaded.name(), split, part.sampleSize(), output.out(), (System.nanoTime() - began) / 1e9);
        return 0;
    }
}
