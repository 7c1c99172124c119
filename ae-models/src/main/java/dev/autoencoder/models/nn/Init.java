package dev.autoencoder.models.nn;

import dev.autoencoder.api.DType;
import dev.autoencoder.api.Shape;
import dev.autoencoder.api.TensorBackend;
import dev.autoencoder.api.random.Rng;

/**
 * Where new parameters come from: the backend and dtype they live in, and the seeded generator they are drawn
 * from. Initialisation follows PyTorch's defaults, uniform in {@code ±1/sqrt(fan_in)} for weights and biases.
 *
 * @param backend the backend the parameters are created on
 * @param dtype   their element type
 * @param rng     the generator they are drawn from, in declaration order
 */
public record Init(TensorBackend backend, DType dtype, Rng rng) {

    /** A parameter uniform in {@code ±1/sqrt(fanIn)}. */
    public Parameter uniformFanIn(Shape shape, long fanIn) {
        double bound = 1.0 / Math.sqrt(fanIn);
        return new Parameter(rng.uniform(backend, shape, dtype, -bound, bound));
    }
}
