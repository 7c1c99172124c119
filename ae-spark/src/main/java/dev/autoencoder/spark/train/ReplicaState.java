package dev.autoencoder.spark.train;

import dev.autoencoder.api.Shape;
import dev.autoencoder.api.Tensor;
import dev.autoencoder.api.TensorBackend;
import dev.autoencoder.models.family.Autoencoder;
import dev.autoencoder.models.optim.Optimizer;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the driver broadcasts at the start of a step (synchronous training) or a round (local SGD): the model's
 * parameters by name and, for local SGD, the optimizer's slots by {@code <parameter>.<slot>} and its step count;
 * {@code 4 x values} bytes to every worker.
 *
 * @param parameters     each parameter's values, row-major
 * @param slots          each optimizer slot's values (empty in synchronous training, and before the first step)
 * @param optimizerSteps the optimizer's completed steps
 * @param epoch          the epoch
 * @param step           the first step of the epoch that the workers compute
 * @param lr             the epoch's learning rate
 */
public record ReplicaState(FloatTensors parameters, FloatTensors slots, long optimizerSteps, int epoch, int step,
        double lr) implements Serializable {
    /** The parameters of {@code model} (on {@code backend}) at {@code step} of {@code epoch}, without optimizer state. */
    public static ReplicaState parameters(Autoencoder model, TensorBackend backend, int epoch, int step) {
        return new ReplicaState(FloatTensors.of(parameterValues(model, backend)), FloatTensors.of(Map.of()), 0, epoch, step, 0);
    }

    /** The values of {@code model}'s parameters (on {@code backend}) by name. */
    public static Map<String, float[]> parameterValues(Autoencoder model, TensorBackend backend) {
        Map<String, float[]> values = new LinkedHashMap<>();
        model.parameters().forEach((name, p) -> values.put(name, backend.toFloats(p.value())));
        return values;
    }

    /** The parameters of {@code model} and the state of its {@code optimizer}, for a round of local steps. */
    public static ReplicaState replica(Autoencoder model, Optimizer optimizer, TensorBackend backend, int epoch, int step, double lr) {
        ReplicaState p = parameters(model, backend, epoch, step);
        return new ReplicaState(p.parameters(), FloatTensors.of(floats(optimizer.state(), backend)), optimizer.steps(), epoch, step, lr);
    }

    /** The values of {@code tensors} (on {@code backend}) by name. */
    public static Map<String, float[]> floats(Map<String, Tensor> tensors, TensorBackend backend) {
        Map<String, float[]> out = new LinkedHashMap<>();
        tensors.forEach((name, t) -> out.put(name, backend.toFloats(t)));
        return out;
    }

    /** The optimizer slots as tensors on {@code backend}, each of its parameter's shape in {@code shapes}. */
    public Map<String, Tensor> slotTensors(Map<String, Shape> shapes, TensorBackend backend) {
        Map<String, Tensor> out = new LinkedHashMap<>();
        slots.names().forEach(key -> out.put(key, backend.fromFloats(slots.get(key), shapes.get(key.substring(0, key.lastIndexOf('.'))))));
        return out;
    }
}
