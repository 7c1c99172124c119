package dev.autoencoder.api;

/**
 * An immutable handle to the data of one backend. It has no operator methods: every operation is a
 * {@link TensorBackend} primitive, so that the shared autodiff and model code stay backend-agnostic.
 * Backends never mutate the data behind a handle once it was returned.
 */
public interface Tensor {
    /** The tensor's shape. */
    Shape shape();

    /** The element type. */
    DType dtype();

    /** The backend that owns the data; operands of one primitive must share it. */
    TensorBackend backend();
}
