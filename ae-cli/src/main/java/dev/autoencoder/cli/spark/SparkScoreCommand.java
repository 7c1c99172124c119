package dev.autoencoder.cli.spark;

import static org.apache.spark.sql.functions.col;

import dev.autoencoder.cli.option.CheckpointOption;
import dev.autoencoder.cli.option.ThresholdOptions;
import dev.autoencoder.cli.option.VerboseOption;
import dev.autoencoder.models.anomaly.Threshold;
import dev.autoencoder.models.run.LoadedModel;
import dev.autoencoder.spark.score.DistributedScorer;
import dev.autoencoder.spark.score.ScoringOptions;
import dev.autoencoder.spark.table.SparkTables;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ae spark score}: anomaly scores of a table's rows on Spark, with a threshold fitted on the cluster. */
@Command(name = "score", header = "Anomaly scores of a table on Spark, and the flagged rows.", mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {"Broadcasts the checkpoint to the executors, which load it once per JVM and score their partitions in "
                + "batches as 'ae anomaly' does (reconstruction MSE). The threshold is fitted on the cluster from the scores "
                + "of --normal (default: --data itself). Writes --out as Parquet: every column of --data, then score "
                + "(double), anomaly (boolean), embedding (array<float>) and, with --errors, reconstruction_error (the squared "
                + "error per feature)."})
public final class SparkScoreCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private CheckpointOption checkpoint;

    @Mixin
    private TableOptions table;

    @Option(names = "--normal", paramLabel = "PATH", description = "Normal rows to fit the threshold on. Default: --data.")
    private String normal;

    @Mixin
    private ThresholdOptions thresholdOptions;

    @Option(names = "--errors", description = "Add each row's squared reconstruction error per feature.")
    private boolean errors;

    @Option(names = "--batch-size", paramLabel = "N", defaultValue = "256", description = "Rows per batch. Default: ${DEFAULT-VALUE}.")
    private int batchSize;

    @Option(names = "--backend", paramLabel = "NAME", description = "The executors' tensor backend. Default: the discovery rules.")
    private String backend;

    @Mixin
    private SparkOptions sparkOptions;

    @Mixin
    private TableOutput output;

    @Mixin
    private VerboseOption verbose;

    @Override
    public Integer call() {
        sparkOptions.requireSpark();
        SparkSession spark = SparkJobs.session(sparkOptions);
        SparkTables.requireWritable(spark, output.out(), output.force());
        Dataset<Row> rows = SparkTables.read(spark, table.data(), table.column(), table.labelColumn(), sparkOptions.partitions());
        Dataset<Row> normalRows = normal == null ? rows : SparkTables.read(spark, normal, table.column(),
                table.labelColumn(), sparkOptions.partitions());
        ScoringOptions options = ScoringOptions.defaults().withBackend(backend).withBatchSize(batchSize).withPerFeatureErrors(errors);
        PrintWriter stdout = spec.commandLine().getOut();
        long began = System.nanoTime();
        Threshold threshold;
        try (DistributedScorer scorer = DistributedScorer.of(spark, LoadedModel.checkpointIn(checkpoint.path()), options)) {
            threshold = scorer.fitThreshold(normalRows, table.column(), thresholdOptions.rule());
            SparkTables.writeParquet(spark, scorer.score(rows, table.column(), threshold), output.out(), output.force());
        }
        double seconds = (System.nanoTime() - began) / 1e9;
        Dataset<Row> written = spark.read().parquet(output.out());
        long total = written.count();
        long flagged = written.filter(col("anomaly")).count();
        stdout.printf(Locale.ROOT, "scored %,d rows in %.1f s (%,.0f rows/s, threshold fitted and table written included) on %s%n",
                total, seconds, total / seconds, spark.sparkContext().master());
        stdout.printf(Locale.ROOT, "  threshold %.6g (%s)%n", threshold.value(), threshold.description());
        stdout.printf(Locale.ROOT, "  %,d flagged as anomalies (%.2f%%)%n  %s%n", flagged, 100.0 * flagged / Math.max(1, total), output.out());
        stdout.flush();
        return 0;
    }
}
