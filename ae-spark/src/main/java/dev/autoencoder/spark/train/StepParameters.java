package dev.autoencoder.spark.train;

import dev.autoencoder.api.TensorBackend;
import dev.autoencoder.models.checkpoint.HostTensor;
import dev.autoencoder.models.family.Autoencoder;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The model's parameters at the start of one step, by name, as the driver broadcasts them: {@code parameters x 4}
 * bytes to every worker.
 *
 * @param values each parameter's values, row-major
 * @param epoch  the step's epoch
 * @param step   the step within the epoch
 */
public record StepParameters(Map<String, float[]> values, int epoch, int step) implements Serializable {
    /** The current parameters of {@code model} (on {@code backend}) for {@code step} of {@code epoch}. */
    public static StepParameters of(Autoencoder model, TensorBackend backend, int epoch, int step) {
        Map<String, float[]> values = new LinkedHashMap<>();
        model.parameters().forEach((name, p) -> values.put(name, backend.toFloats(p.value())));
        return new StepParameters(values, epoch, step);
    }

    /** The values as host tensors of the shapes of {@code model}'s parameters. */
    public Map<String, HostTensor> tensors(Map<String, dev.autoencoder.api.Shape> shapes) {
        Map<String, HostTensor> out = new LinkedHashMap<>();
        shapes.forEach((name, shape) -> out.put(name, HostTensor.ofFloats(shape, values.get(name))));
        return out;
    }

    /** The bytes broadcast to each worker (and, as gradients, sent back by it). */
    public long bytes() {
        return 4L * values.values().stream().mapToLong(v -> v.length).sum();
    }
}
