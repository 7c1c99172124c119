package dev.autoencoder.api;

/**
 * A region of tensor memory: every tensor created on this thread while the scope is the innermost open one
 * is released when it closes. A training step runs in one scope; parameters and optimizer state live
 * outside it and are moved out with {@link #keep}. A heap backend may reuse the memory of a closed scope's tensors
 * (pure does); on every backend a tensor of a closed scope must not be used again.
 */
public interface TensorScope extends AutoCloseable {

    /**
     * Moves {@code t} out of this scope into the enclosing one (or out of every scope), so that it survives
     * {@link #close()}. Returns the handle to use from now on, which may be a copy.
     */
    Tensor keep(Tensor t);

    /** Releases every tensor created in this scope and not kept. Closing twice is harmless. */
    @Override
    void close();
}
