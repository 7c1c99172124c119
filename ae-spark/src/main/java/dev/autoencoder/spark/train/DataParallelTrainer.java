package dev.autoencoder.spark.train;

import dev.autoencoder.api.TensorBackend;
import dev.autoencoder.api.TensorScope;
import dev.autoencoder.models.family.Autoencoder;
import dev.autoencoder.models.optim.LrSchedule;
import dev.autoencoder.models.optim.Optimizer;
import dev.autoencoder.models.train.BatchGradients;
import dev.autoencoder.models.train.EpochMetrics;
import dev.autoencoder.models.train.Progress;
import dev.autoencoder.models.train.TrainConfig;
import dev.autoencoder.models.train.TrainingResult;
import dev.autoencoder.spark.input.FeatureColumn;
import dev.autoencoder.spark.input.SparkFailures;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

/**
 * Synchronous data-parallel training on Spark. The samples are packed once per partition and cached; each step the
 * driver broadcasts the parameters, every partition computes the gradient of its share of the global batch
 * ({@link BatchPlan}) through the shared tape, {@code treeAggregate} sums gradients and loss terms, and the driver
 * checks and clips the summed gradient and applies its optimizer ({@link BatchGradients}, as the {@code Trainer}
 * does). For losses that are means over samples and models without noise this equals single-machine training on
 * the same global batches up to the order of float summation; a model's noise is drawn per (seed, epoch, partition,
 * step), so a denoising or variational model gets other (equally distributed) noise than on one machine, and a
 * batch statistic (a sparse model's mean activation) is computed per share.
 *
 * <p>Not yet supported: a validation split, early stopping, greedy pretraining (each is refused).
 */
public final class DataParallelTrainer {
    private final SparkSession spark;
    private final TrainConfig config;
    private final String executorBackend;
    private final int depth;

    /**
     * @param config          epochs, global batch size, seed, clipping and KL warm-up; no validation split, no patience
     * @param executorBackend the backend the workers compute on (null: the discovery rules)
     * @param depth           the depth of the aggregation tree (2 is Spark's default)
     */
    public DataParallelTrainer(SparkSession spark, TrainConfig config, String executorBackend, int depth) {
        if (config.validationFraction() != 0 || config.patience() != 0) {
            throw new IllegalArgumentException("distributed training has no validation split or early stopping yet; got a validation "
                    + "fraction of " + config.validationFraction() + " and a patience of " + config.patience() + " (both must be 0)");
        }
        this.spark = spark;
        this.config = config;
        this.executorBackend = executorBackend;
        this.depth = depth;
    }

    /**
     * The samples of {@code data}'s column {@code featureColumn} (checked first), one packed array per partition,
     * cached. The order of rows within partitions must be the same each time the data is read (files, not a shuffle)
     * for a run to be reproducible.
     */
    public JavaRDD<PartitionSamples> samples(Dataset<Row> data, String featureColumn, Autoencoder model) {
        int length = model.spec().inputShape().stream().mapToInt(Integer::intValue).reduce(1, Math::multiplyExact);
        FeatureColumn column = new FeatureColumn(featureColumn, length, model.spec().inputShape().toString());
        return PartitionSamples.of(data, column).persist(StorageLevel.MEMORY_AND_DISK());
    }

    /** The plan of {@code samples}' global batches. */
    public BatchPlan plan(JavaRDD<PartitionSamples> samples) {
        List<Integer> counts = SparkFailures.unwrapped(() -> samples.map(PartitionSamples::rows).collect());
        int[] rows = new int[counts.size()];
        for (int p = 0; p < rows.length; p++) {
            rows[p] = counts.get(p);
        }
        return new BatchPlan(rows, config.batchSize(), config.seed());
    }

    /**
     * Trains {@code model} (on the driver's backend) with {@code optimizer} on {@code samples} for the configured
     * epochs: one {@link EpochMetrics} per epoch, the training loss being the sample-weighted mean of its steps'.
     *
     * @throws dev.autoencoder.models.train.TrainingDivergedException naming the first non-finite term or gradient
     */
    public TrainingResult fit(Autoencoder model, Optimizer optimizer, LrSchedule schedule, JavaRDD<PartitionSamples> samples) {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        BatchPlan plan = plan(samples);
        TensorBackend backend = model.parameters().values().iterator().next().value().backend();
        BatchGradients gradients = new BatchGradients(backend, config);
        List<EpochMetrics> history = new ArrayList<>();
        Progress progress = Progress.start();
        for (int epoch = 0; epoch < config.epochs(); epoch++) {
            double lr = schedule.at(epoch);
            long start = System.nanoTime();
            Map<String, Double> sums = new LinkedHashMap<>();
            for (int step = 0; step < plan.steps(); step++) {
                GradientSum sum = step(jsc, model, samples, plan, epoch, step);
                try (TensorScope scope = backend.newScope()) {
                    optimizer.step(gradients.clipped(sum.toTensors(model.parameters(), backend), epoch, step), lr, scope);
                }
                int n = sum.samples();
                sum.values().forEach((term, v) -> sums.merge(term, v * n, Double::sum));
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            Map<String, Double> train = new LinkedHashMap<>();
            sums.forEach((term, v) -> train.put(term, v / plan.samples()));
            boolean improved = train.get("total") < progress.bestLoss();
            progress = improved ? new Progress(epoch + 1, train.get("total"), epoch, 0)
                    : new Progress(epoch + 1, progress.bestLoss(), progress.bestEpoch(), progress.epochsWithoutImprovement() + 1);
            history.add(new EpochMetrics(epoch, train, Map.of(), lr, plan.samples() / seconds, improved));
        }
        return new TrainingResult(history, progress, false);
    }

    /** The summed gradient and loss of one global batch. */
    GradientSum step(JavaSparkContext jsc, Autoencoder model, JavaRDD<PartitionSamples> samples, BatchPlan plan, int epoch, int step) {
        TensorBackend backend = model.parameters().values().iterator().next().value().backend();
        Broadcast<StepParameters> parameters = jsc.broadcast(StepParameters.of(model, backend, epoch, step));
        try {
            PartitionGradients worker = new PartitionGradients(parameters, plan, model.spec(), config, executorBackend);
            return SparkFailures.unwrapped(() -> samples.map(worker).treeAggregate(GradientSum.empty(), GradientSum::plus, GradientSum::plus,
                    depth));
        } finally {
            parameters.destroy();
        }
    }
}
