package dev.autoencoder.api.autodiff;

import dev.autoencoder.api.Tensor;
import dev.autoencoder.api.TensorBackend;
import java.util.Map;

/** The result of {@link Tape#backward}: one gradient per variable, zeros for variables the output ignores. */
public final class Gradients {
    private final TensorBackend backend;
    private final Map<Var, Tensor> grads;

    Gradients(TensorBackend backend, Map<Var, Tensor> grads) {
        this.backend = backend;
        this.grads = grads;
    }

    /** The gradient with respect to {@code v}, shaped like {@code v}. */
    public Tensor of(Var v) {
        Tensor g = grads.get(v);
        return g != null ? g : backend.zeros(v.shape(), v.dtype());
    }
}
