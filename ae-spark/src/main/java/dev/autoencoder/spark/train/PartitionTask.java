package dev.autoencoder.spark.train;

import dev.autoencoder.api.DType;
import dev.autoencoder.api.Tensor;
import dev.autoencoder.api.TensorBackend;
import dev.autoencoder.api.random.Rng;
import dev.autoencoder.data.Dataset;
import dev.autoencoder.models.factory.Models;
import dev.autoencoder.models.family.Autoencoder;
import dev.autoencoder.models.family.ModelSpec;
import dev.autoencoder.models.inference.HostBatches;
import dev.autoencoder.models.nn.Init;
import dev.autoencoder.models.run.RunSettings;
import dev.autoencoder.spark.score.ExecutorModels;
import java.util.HashMap;
import java.util.Map;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.broadcast.Broadcast;

/**
 * A worker's part of one Spark job of distributed training: what every such part needs (the broadcast state, the
 * batch plan, the model's spec and the run's settings, the executors' backend) and how it rebuilds the driver's
 * model and uploads its share of a batch.
 */
abstract class PartitionTask implements Function<PartitionSamples, WeightedSum> {
    private static final long serialVersionUID = 1L;
    /** Each executor thread's replica of each model it trained, by spec and backend. */
    private static final ThreadLocal<Map<String, Autoencoder>> REPLICAS = ThreadLocal.withInitial(HashMap::new);

    private final Broadcast<ReplicaState> state;
    private final String specJson;
    private final String settingsJson;
    private final String backendName;
    /** The global batches. */
    protected final BatchPlan plan;

    PartitionTask(Broadcast<ReplicaState> state, BatchPlan plan, ModelSpec spec, RunSettings settings, String backendName) {
        this.state = state;
        this.plan = plan;
        this.specJson = spec.toJson();
        this.settingsJson = settings.toJson();
        this.backendName = backendName;
    }

    /** The state the driver broadcast. */
    protected ReplicaState state() {
        return state.value();
    }

    /** The run's settings. */
    protected RunSettings settings() {
        return RunSettings.fromJson(settingsJson);
    }

    /** The executors' backend (one per JVM). */
    protected TensorBackend backend() {
        return ExecutorModels.backend(backendName);
    }

    /**
     * The driver's model on {@code backend}, holding the broadcast parameters: this thread's replica of the model,
     * built on its first task and given the new parameters on each (a task runs on one thread, and Spark reuses its
     * threads, so neither initialising a model nor a second copy of it is paid per step).
     */
    protected Autoencoder model(TensorBackend backend) {
        Autoencoder model = REPLICAS.get().computeIfAbsent(specJson + "@" + backend.name(), k -> Models.build(ModelSpec.fromJson(specJson),
                new Init(backend, DType.F32, new Rng(0))));
        FloatTensors parameters = state().parameters();
        model.parameters().forEach((name, p) -> backend.release(p.set(backend.fromFloats(parameters.get(name), p.shape()))));
        return model;
    }

    /** The samples at {@code share} of {@code samples} as one batch in the current scope of {@code backend}. */
    protected static Tensor batch(TensorBackend backend, PartitionSamples samples, int[] share, Autoencoder model) {
        int[] shape = model.spec().inputShape().stream().mapToInt(Integer::intValue).toArray();
        return new HostBatches(backend, 1, DType.F32).upload(Dataset.unlabeled("share", samples.select(share), shape));
    }

}
