package dev.autoencoder.spark.train;

import dev.autoencoder.api.TensorBackend;
import dev.autoencoder.api.TensorScope;
import dev.autoencoder.models.factory.Models;
import dev.autoencoder.models.family.Autoencoder;
import dev.autoencoder.models.family.ModelSpec;
import dev.autoencoder.models.optim.Optimizer;
import dev.autoencoder.models.run.RunSettings;
import dev.autoencoder.models.train.Trainer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.broadcast.Broadcast;

/**
 * One worker's part of a round of local SGD: the broadcast model and optimizer state, {@code steps} optimizer steps
 * of the library's {@link Trainer} on the partition's shares of the round's global batches, and the resulting
 * parameters and optimizer slots weighted by the samples the partition trained on over the round's samples, so that
 * the sum over the partitions is their sample-weighted average.
 */
final class LocalSteps extends PartitionTask {
    private static final long serialVersionUID = 1L;

    private final int steps;

    LocalSteps(Broadcast<ReplicaState> state, BatchPlan plan, ModelSpec spec, RunSettings settings, String backendName, int steps) {
        super(state, plan, spec, settings, backendName);
        this.steps = steps;
    }

    @Override
    public WeightedSum call(PartitionSamples samples) {
        ReplicaState at = state();
        int end = Math.min(plan.steps(), at.step() + steps);
        int roundSamples = 0;
        for (int step = at.step(); step < end; step++) {
            roundSamples += plan.batchSize(step);
        }
        RunSettings settings = settings();
        TensorBackend backend = backend();
        Autoencoder model = model(backend);
        Optimizer optimizer = settings.newOptimizer(model.parameters());
        try {
            optimizer.restore(at.slotTensors(Models.parameterShapes(model.spec()), backend), at.optimizerSteps());
            Trainer trainer = new Trainer(backend, settings.config(), List.of());
            Map<String, Double> lossSums = new LinkedHashMap<>();
            int trained = 0;
            for (int step = at.step(); step < end; step++) {
                int[] share = plan.share(samples.partition(), at.epoch(), step);
                if (share.length == 0) {
                    continue;
                }
                try (TensorScope scope = backend.newScope()) {
                    var x = batch(backend, samples, share, model);
                    trainer.step(model, optimizer, at.lr(), x, x, plan.noise(samples.partition(), at.epoch(), step), at.epoch(), step, scope)
                            .forEach((term, v) -> lossSums.merge(term, v * share.length, Double::sum));
                }
                trained += share.length;
            }
            if (trained == 0) {
                return WeightedSum.empty();
            }
            Map<String, float[]> averaged = ReplicaState.parameterValues(model, backend);
            averaged.putAll(ReplicaState.floats(optimizer.state(), backend));
            return WeightedSum.of(averaged, trained / (double) roundSamples, lossSums, trained);
        } finally {
            optimizer.state().values().forEach(backend::release);
        }
    }
}
