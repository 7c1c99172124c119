package dev.autoencoder.models.family;

import dev.autoencoder.api.TensorBackend;
import dev.autoencoder.api.autodiff.Var;
import dev.autoencoder.data.transform.Noise;
import dev.autoencoder.models.nn.Forward;

/**
 * The corruption of a denoising (or stacked) autoencoder's input during training: the data module's {@link Noise},
 * the one implementation of each noise, applied on the host to the batch's values and drawn from the pass's
 * generator. So a training step sees exactly the values a noisy copy of the data made with the same noise and seed
 * holds. The input is a constant of the tape (no gradient flows into it), so nothing is lost by leaving the graph;
 * values are read and written as doubles, so F64 runs keep their precision.
 */
final class InputNoise {
    private InputNoise() {
    }

    /** {@code x} with {@code noise} added, as a constant of the pass's tape. */
    static Var apply(Noise noise, Var x, Forward pass) {
        TensorBackend backend = pass.tape().backend();
        double[] values = backend.toDoubles(x.value());
        noise.corruptInPlace(values, pass.rng());
        return pass.tape().constant(backend.fromDoubles(values, x.shape(), x.dtype()));
    }
}
