package dev.autoencoder.spark.score;

import dev.autoencoder.models.anomaly.Threshold;
import dev.autoencoder.models.anomaly.ThresholdRule;
import dev.autoencoder.models.family.ModelSpec;
import dev.autoencoder.spark.input.FeatureColumn;
import java.nio.file.Path;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * A checkpoint scoring a {@code Dataset<Row>} on the cluster. The checkpoint's bytes are broadcast once; each
 * executor JVM loads the model once ({@link ExecutorModels}, keyed by the checkpoint's SHA-256) and scores its
 * partitions in batches through the library's {@code Inference}, so every row gets exactly the score that
 * {@code AnomalyDetector.score} (and {@code ae anomaly}) gives it on one machine. The data is checked before scoring
 * ({@link FeatureColumn#requireValid}: one job that stops at the first bad row).
 *
 * <pre>{@code
 * try (DistributedScorer scorer = DistributedScorer.of(spark, Path.of("runs/digits/model.safetensors"), ScoringOptions.defaults())) {
 *     Threshold t = scorer.fitThreshold(normal, "features", ThresholdRule.percentile(99));
 *     scorer.score(incoming, "features", t).write().parquet("scores.parquet");
 * }
 * }</pre>
 */
public final class DistributedScorer implements AutoCloseable {
    private final CheckpointBytes checkpoint;
    private final Broadcast<CheckpointBytes> broadcast;
    private final ScoringOptions options;

    private DistributedScorer(SparkSession spark, CheckpointBytes checkpoint, ScoringOptions options) {
        this.checkpoint = checkpoint;
        this.options = options;
        this.broadcast = JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(checkpoint);
    }

    /**
     * A scorer of the model in {@code checkpoint}, read and checked on the driver and broadcast to the executors.
     *
     * @throws dev.autoencoder.models.checkpoint.CheckpointException when the file is no readable ae checkpoint
     */
    public static DistributedScorer of(SparkSession spark, Path checkpoint, ScoringOptions options) {
        return new DistributedScorer(spark, CheckpointBytes.read(checkpoint), options);
    }

    /** The model's spec. */
    public ModelSpec spec() {
        return checkpoint.spec();
    }

    /** {@code data} with each row's score, its embedding and (as asked) per-feature errors; the flag column is null. */
    public Dataset<Row> score(Dataset<Row> data, String featureColumn) {
        return scored(data, featureColumn, null);
    }

    /** {@code data} with each row's score, whether it is above {@code threshold}, its embedding and (as asked) errors. */
    public Dataset<Row> score(Dataset<Row> data, String featureColumn, Threshold threshold) {
        return scored(data, featureColumn, threshold);
    }

    /**
     * The threshold that {@code rule} sets from the scores of the {@code normal} rows, computed on the cluster
     * ({@link ClusterThresholds}): a percentile with {@code approxQuantile} (exact), mean + k sigma with one
     * aggregation.
     */
    public Threshold fitThreshold(Dataset<Row> normal, String featureColumn, ThresholdRule rule) {
        Dataset<Row> scores = score(normal, featureColumn).select(ScoreColumns.SCORE).cache();
        try {
            return ClusterThresholds.fit(scores, ScoreColumns.SCORE, rule, 0);
        } finally {
            scores.unpersist();
        }
    }

    private Dataset<Row> scored(Dataset<Row> data, String featureColumn, Threshold threshold) {
        ModelSpec spec = checkpoint.spec();
        FeatureColumn features = new FeatureColumn(featureColumn, spec.inputShape());
        features.requireValid(data);
        StructType schema = ScoreColumns.scored(data.schema(), options.perFeatureErrors());
        return data.mapPartitions(new PartitionScorer(broadcast, features, features.index(data.schema()), options, threshold),
                Encoders.row(schema));
    }

    /** Removes the broadcast checkpoint from the executors. */
    @Override
    public void close() {
        broadcast.destroy();
    }
}
