package dev.autoencoder.spark.train;

import dev.autoencoder.api.DType;
import dev.autoencoder.api.Tensor;
import dev.autoencoder.api.TensorBackend;
import dev.autoencoder.api.TensorScope;
import dev.autoencoder.data.Dataset;
import dev.autoencoder.models.checkpoint.ModelCheckpoint;
import dev.autoencoder.models.factory.Models;
import dev.autoencoder.models.family.Autoencoder;
import dev.autoencoder.models.family.ModelSpec;
import dev.autoencoder.models.inference.HostBatches;
import dev.autoencoder.models.train.BatchGradients;
import dev.autoencoder.models.train.TrainConfig;
import dev.autoencoder.spark.score.ExecutorModels;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.broadcast.Broadcast;

/**
 * One worker's part of a synchronous step: the model rebuilt from the broadcast parameters, the gradient of the
 * partition's share of the global batch computed through the library's {@link BatchGradients} (the shared tape), and
 * gradients and loss terms weighted by the share's size over the batch's, so that summing them over the partitions
 * gives the gradient and the loss of the mean over the whole batch.
 */
final class PartitionGradients implements Function<PartitionSamples, GradientSum> {
    private static final long serialVersionUID = 1L;
    private static final Path SOURCE = Path.of("<parameters broadcast by the driver>");

    private final Broadcast<StepParameters> parameters;
    private final BatchPlan plan;
    private final String specJson;
    private final TrainConfig config;
    private final String backendName;

    PartitionGradients(Broadcast<StepParameters> parameters, BatchPlan plan, ModelSpec spec, TrainConfig config, String backendName) {
        this.parameters = parameters;
        this.plan = plan;
        this.specJson = spec.toJson();
        this.config = config;
        this.backendName = backendName;
    }

    @Override
    public GradientSum call(PartitionSamples samples) {
        StepParameters at = parameters.value();
        int[] share = plan.share(samples.partition(), at.epoch(), at.step());
        if (share.length == 0) {
            return GradientSum.empty();
        }
        TensorBackend backend = ExecutorModels.backend(backendName);
        ModelSpec spec = ModelSpec.fromJson(specJson);
        Autoencoder model = ModelCheckpoint.build(SOURCE, spec, at.tensors(Models.parameterShapes(spec)), backend, DType.F32);
        double weight = share.length / (double) plan.batchSize(at.step());
        try (TensorScope scope = backend.newScope()) {
            Tensor x = new HostBatches(backend, 1, DType.F32).upload(Dataset.unlabeled("share", samples.select(share), spec.inputShape()
                    .stream().mapToInt(Integer::intValue).toArray()));
            BatchGradients.Result result = new BatchGradients(backend, config).of(model, x, x,
                    plan.noise(samples.partition(), at.epoch(), at.step()), at.epoch(), at.step());
            Map<String, float[]> grads = new LinkedHashMap<>();
            model.parameters().forEach((name, p) -> {
                Tensor g = result.gradients().get(p);
                if (g != null) {
                    grads.put(name, scaled(backend.toFloats(g), weight));
                }
            });
            Map<String, Double> values = new LinkedHashMap<>();
            result.values().forEach((term, v) -> values.put(term, v * weight));
            return GradientSum.of(grads, values, share.length);
        } finally {
            model.parameters().values().forEach(p -> backend.release(p.value()));
        }
    }

    private static float[] scaled(float[] g, double weight) {
        for (int i = 0; i < g.length; i++) {
            g[i] = (float) (g[i] * weight);
        }
        return g;
    }
}
