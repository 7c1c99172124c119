package dev.autoencoder.tests.conformance;

import dev.autoencoder.api.Shape;
import java.util.Map;

/**
 * What PyTorch computed for one op sample in one dtype.
 *
 * @param shape the value's shape
 * @param value the value {@code y = op(x)}, row-major
 * @param grads the vector-Jacobian product {@code d sum(y * r) / dx_k} by input index k, for the inputs with a gradient
 */
public record TorchResult(Shape shape, double[] value, Map<Integer, double[]> grads) {
    public TorchResult {
        grads = Map.copyOf(grads);
    }
}
