package dev.autoencoder.spark.train;

import dev.autoencoder.api.Shape;
import dev.autoencoder.api.Tensor;
import dev.autoencoder.api.TensorBackend;
import dev.autoencoder.api.TensorScope;
import dev.autoencoder.data.io.Sha256;
import dev.autoencoder.models.factory.Models;
import dev.autoencoder.models.family.Autoencoder;
import dev.autoencoder.models.family.ModelSpec;
import dev.autoencoder.models.nn.Parameter;
import dev.autoencoder.models.optim.Optimizer;
import dev.autoencoder.models.run.DataIdentity;
import dev.autoencoder.models.run.EpochLoop;
import dev.autoencoder.models.run.RunSettings;
import dev.autoencoder.models.train.BatchGradients;
import dev.autoencoder.models.train.EpochMetrics;
import dev.autoencoder.models.train.Progress;
import dev.autoencoder.models.train.Trainer;
import dev.autoencoder.models.train.TrainingListener;
import dev.autoencoder.models.train.TrainingResult;
import dev.autoencoder.spark.input.FeatureColumn;
import dev.autoencoder.spark.input.SparkFailures;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

/**
 * Data-parallel training on Spark, as the {@link EpochLoop} of a {@link dev.autoencoder.models.run.TrainingRun}: the
 * driver holds the model and the optimizer and commits the run folder; the samples stay on the executors, packed once
 * per partition and cached. {@link Parallelism} chooses between synchronous steps (the driver broadcasts the
 * parameters, each partition computes the gradient of its share of the global batch through the shared tape,
 * {@code treeReduce} sums them, the driver checks, clips and applies its optimizer as the {@code Trainer} does)
 * and local SGD (each partition takes several steps, then parameters and optimizer slots are averaged). The global
 * batches come from a {@link BatchPlan} seeded per (seed, epoch, partition), so a run, and a resumed run, is
 * reproducible when each partition holds the same rows in the same order each time the data is read (files, not a
 * shuffle).
 *
 * <p>For losses that are means over samples and models without noise, synchronous training equals single-machine
 * training on the same global batches up to the order of float summation; a model's noise is drawn per (seed, epoch,
 * partition, step), so a denoising or variational model gets other (equally distributed) noise than on one machine,
 * and a batch statistic (a sparse model's mean activation) is computed per share. No validation split (it is refused);
 * early stopping watches the training loss.
 */
public final class DataParallelTrainer implements EpochLoop, AutoCloseable {
    /** The depth of the aggregation tree (Spark's default). */
    private static final int DEPTH = 2;

    private final SparkSession spark;
    private final JavaRDD<PartitionSamples> samples;
    private final int[] partitionRows;
    private final DataIdentity data;
    private final Parallelism parallelism;
    private final String executorBackend;

    private DataParallelTrainer(SparkSession spark, JavaRDD<PartitionSamples> samples, int[] partitionRows, DataIdentity data,
            Parallelism parallelism, String executorBackend) {
        this.spark = spark;
        this.samples = samples;
        this.partitionRows = partitionRows;
        this.data = data;
        this.parallelism = parallelism;
        this.executorBackend = executorBackend;
    }

    /**
     * A trainer of models of {@code spec} on the column {@code featureColumn} of {@code rows} (checked first: one
     * message names the column, the problem and an example row), packed once per partition and cached; one job counts
     * and hashes every partition's samples.
     *
     * @param name            the data's name in the run's provenance
     * @param executorBackend the backend the workers compute on (null: the discovery rules)
     */
    public static DataParallelTrainer of(SparkSession spark, Dataset<Row> rows, String featureColumn, ModelSpec spec, String name,
            Parallelism parallelism, String executorBackend) {
        FeatureColumn column = new FeatureColumn(featureColumn, spec.inputShape());
        JavaRDD<PartitionSamples> samples = PartitionSamples.of(rows, column).persist(StorageLevel.MEMORY_AND_DISK());
        List<PartitionSamples.Digest> digests = SparkFailures.unwrapped(() -> samples.map(PartitionSamples::digest).collect());
        int[] counts = digests.stream().mapToInt(PartitionSamples.Digest::rows).toArray();
        MessageDigest whole = Sha256.newDigest();
        digests.forEach(d -> whole.update((d.rows() + ":" + d.sha256() + "\n").getBytes(StandardCharsets.US_ASCII)));
        DataIdentity data = new DataIdentity(name, Math.toIntExact(Arrays.stream(counts).asLongStream().sum()),
                Sha256.hex(whole));
        return new DataParallelTrainer(spark, samples, counts, data, parallelism, executorBackend);
    }

    /**
     * The data: its name, its samples, and a SHA-256 over each partition's sample count and the SHA-256 of its
     * samples (little-endian floats), in partition order, so the same rows in other partitions are other data.
     */
    @Override
    public DataIdentity data() {
        return data;
    }

    @Override
    public int samplesPerEpoch(RunSettings settings) {
        return data.size();
    }

    /** The global batches of {@code settings}. */
    public BatchPlan plan(RunSettings settings) {
        return new BatchPlan(partitionRows, settings.batchSize(), settings.seed());
    }

    /** The packed samples, one element per partition. */
    public JavaRDD<PartitionSamples> samples() {
        return samples;
    }

    /**
     * Trains {@code model} (on the driver's backend) with {@code optimizer} from {@code from} up to the settings'
     * epochs; an epoch's training loss is the sample-weighted mean of its steps'.
     *
     * @throws IllegalArgumentException when the settings ask for a validation split
     * @throws dev.autoencoder.models.train.TrainingDivergedException naming the first non-finite term, gradient or
     *         parameter
     */
    @Override
    public TrainingResult fit(Autoencoder model, Optimizer optimizer, RunSettings settings, Progress from, List<TrainingListener> listeners) {
        if (settings.validationSplit() != 0) {
            throw new IllegalArgumentException("distributed training has no validation split yet; got " + settings.validationSplit()
                    + " (train with a validation split of 0; early stopping then watches the training loss)");
        }
        TensorBackend backend = model.parameters().values().iterator().next().value().backend();
        BatchPlan plan = plan(settings);
        Trainer checks = new Trainer(backend, settings.config(), List.of());
        List<EpochMetrics> history = new ArrayList<>();
        Progress at = from;
        for (int epoch = from.nextEpoch(); epoch < settings.epochs(); epoch++) {
            double lr = settings.learningRates().at(epoch);
            long start = System.nanoTime();
            WeightedSum losses = WeightedSum.empty();
            for (int step = 0; step < plan.steps(); step += parallelism.stepsPerJob()) {
                WeightedSum job = parallelism.isSynchronous() ? synchronousStep(model, optimizer, settings, plan, epoch, step, lr, backend)
                        : localRound(model, optimizer, settings, plan, epoch, step, lr, backend);
                losses.plus(job.lossesOnly());
                int last = Math.min(plan.steps(), step + parallelism.stepsPerJob()) - 1;
                int e = epoch;
                Map<String, Double> terms = Collections.unmodifiableMap(job.meanLosses());
                double throughput = losses.samples() / ((System.nanoTime() - start) / 1e9);
                listeners.forEach(l -> l.onStep(e, last, plan.steps(), terms, throughput));
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            checks.requireFiniteParameters(model, epoch);
            Map<String, Double> train = losses.meanLosses();
            boolean improved = at.improvedBy(train.get("total"));
            at = at.after(epoch, train.get("total"));
            EpochMetrics metrics = new EpochMetrics(epoch, train, Map.of(), lr, plan.samples() / seconds, improved);
            history.add(metrics);
            listeners.forEach(l -> l.onEpoch(metrics));
            if (settings.patience() > 0 && at.epochsWithoutImprovement() >= settings.patience()) {
                return new TrainingResult(history, at, true);
            }
        }
        return new TrainingResult(history, at, false);
    }

    /** One global batch: the partitions' weighted gradients summed, then the driver's optimizer step. */
    private WeightedSum synchronousStep(Autoencoder model, Optimizer optimizer, RunSettings settings, BatchPlan plan, int epoch, int step,
            double lr, TensorBackend backend) {
        WeightedSum sum = aggregate(ReplicaState.parameters(model, backend, epoch, step),
                state -> new PartitionGradients(state, plan, model.spec(), settings, executorBackend));
        BatchGradients gradients = new BatchGradients(backend, settings.config());
        try (TensorScope scope = backend.newScope()) {
            Map<Parameter, Tensor> summed = new IdentityHashMap<>();
            sum.names().forEach(name -> {
                Parameter p = model.parameters().get(name);
                summed.put(p, backend.fromFloats(sum.floats(name), p.shape()));
            });
            optimizer.step(gradients.clipped(summed, epoch, step), lr, scope);
        }
        return sum;
    }

    /** A round of local SGD: every partition's steps, then the sample-weighted average of models and optimizer slots. */
    private WeightedSum localRound(Autoencoder model, Optimizer optimizer, RunSettings settings, BatchPlan plan, int epoch, int step,
            double lr, TensorBackend backend) {
        int steps = Math.min(parallelism.localSteps(), plan.steps() - step);
        WeightedSum sum = aggregate(ReplicaState.replica(model, optimizer, backend, epoch, step, lr),
                state -> new LocalSteps(state, plan, model.spec(), settings, executorBackend, steps));
        Map<String, Tensor> slots = new LinkedHashMap<>();
        Map<String, Shape> shapes = Models.parameterShapes(model.spec());
        sum.names().forEach(name -> {
            Parameter p = model.parameters().get(name);
            if (p != null) {
                backend.release(p.set(backend.fromFloats(sum.floats(name), p.shape())));
            } else {
                slots.put(name, backend.fromFloats(sum.floats(name), shapes.get(name.substring(0, name.lastIndexOf('.')))));
            }
        });
        optimizer.restore(slots, optimizer.steps() + steps);
        return sum;
    }

    /** Broadcasts {@code state}, runs the worker made for it over every partition, and sums their results. */
    private WeightedSum aggregate(ReplicaState state, Function<Broadcast<ReplicaState>, PartitionTask> worker) {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Broadcast<ReplicaState> broadcast = jsc.broadcast(state);
        try {
            PartitionTask task = worker.apply(broadcast);
            // treeReduce sends each partition's part as it is (floats); only merged parts widen
            return SparkFailures.unwrapped(() -> samples.map(task).treeReduce(WeightedSum::plus, DEPTH));
        } finally {
            broadcast.destroy();
        }
    }

    /** Drops the cached samples. */
    @Override
    public void close() {
        samples.unpersist(false);
    }
}
