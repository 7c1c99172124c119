package dev.autoencoder.spark.train;

import dev.autoencoder.api.Tensor;
import dev.autoencoder.api.TensorBackend;
import dev.autoencoder.api.TensorScope;
import dev.autoencoder.models.family.Autoencoder;
import dev.autoencoder.models.family.ModelSpec;
import dev.autoencoder.models.run.RunSettings;
import dev.autoencoder.models.train.BatchGradients;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.broadcast.Broadcast;

/**
 * One worker's part of a synchronous step: the gradient of the partition's share of the global batch, computed
 * through the library's {@link BatchGradients} (the shared tape) on the broadcast parameters and weighted by the
 * share's size over the batch's, so that the sum over the partitions is the gradient of the mean over the batch.
 */
final class PartitionGradients extends PartitionTask {
    private static final long serialVersionUID = 1L;

    PartitionGradients(Broadcast<ReplicaState> state, BatchPlan plan, ModelSpec spec, RunSettings settings, String backendName) {
        super(state, plan, spec, settings, backendName);
    }

    @Override
    public WeightedSum call(PartitionSamples samples) {
        ReplicaState at = state();
        int[] share = plan.share(samples.partition(), at.epoch(), at.step());
        if (share.length == 0) {
            return WeightedSum.empty();
        }
        TensorBackend backend = backend();
        Autoencoder model = model(backend);
        try (TensorScope scope = backend.newScope()) {
            Tensor x = batch(backend, samples, share, model);
            BatchGradients.Result result = new BatchGradients(backend, settings().config()).of(model, x, x,
                    plan.noise(samples.partition(), at.epoch(), at.step()), at.epoch(), at.step());
            Map<String, float[]> gradients = new LinkedHashMap<>();
            model.parameters().forEach((name, p) -> {
                Tensor g = result.gradients().get(p);
                if (g != null) {
                    gradients.put(name, backend.toFloats(g));
                }
            });
            Map<String, Double> lossSums = new LinkedHashMap<>();
            result.values().forEach((term, v) -> lossSums.put(term, v * share.length));
            return WeightedSum.of(gradients, share.length / (double) plan.batchSize(at.step()), lossSums, share.length);
        }
    }
}
