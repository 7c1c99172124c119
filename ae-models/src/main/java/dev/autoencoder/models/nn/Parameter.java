package dev.autoencoder.models.nn;

import dev.autoencoder.api.Shape;
import dev.autoencoder.api.Tensor;

/**
 * A trainable tensor of a layer. The optimizer replaces its value after every step (tensors are immutable), so
 * the holder is the stable identity that gradients and optimizer state are keyed by.
 */
public final class Parameter {
    private Tensor value;

    /** A parameter holding {@code initial}. */
    public Parameter(Tensor initial) {
        this.value = initial;
    }

    /** The current value. */
    public Tensor value() {
        return value;
    }

    /** Replaces the value and returns the previous one (which the caller may release). */
    public Tensor set(Tensor newValue) {
        if (!newValue.shape().equals(value.shape()) || newValue.dtype() != value.dtype()) {
            throw new IllegalArgumentException("parameter of shape " + value.shape() + " " + value.dtype()
                    + " cannot take a value of shape " + newValue.shape() + " " + newValue.dtype());
        }
        Tensor old = value;
        value = newValue;
        return old;
    }

    /** The shape, fixed for the parameter's life. */
    public Shape shape() {
        return value.shape();
    }
}
