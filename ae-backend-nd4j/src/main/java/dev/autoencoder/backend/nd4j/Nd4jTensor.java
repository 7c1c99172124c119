package dev.autoencoder.backend.nd4j;

import dev.autoencoder.api.DType;
import dev.autoencoder.api.Shape;
import dev.autoencoder.api.Tensor;
import dev.autoencoder.api.TensorBackend;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * An ND4J tensor: a c-order, offset-free {@link INDArray} (possibly a reshaped view of another one) and the scope
 * that owns its memory ({@code null} outside scopes). The array is not written while the handle is usable.
 */
final class Nd4jTensor implements Tensor {
    private final Nd4jBackend backend;
    private final Shape shape;
    private final DType dtype;
    private final INDArray array;
    private final Nd4jScope owner;
    private boolean released;

    Nd4jTensor(Nd4jBackend backend, Shape shape, DType dtype, INDArray array, Nd4jScope owner) {
        this.backend = backend;
        this.shape = shape;
        this.dtype = dtype;
        this.array = array;
        this.owner = owner;
    }

    @Override
    public Shape shape() {
        return shape;
    }

    @Override
    public DType dtype() {
        return dtype;
    }

    @Override
    public TensorBackend backend() {
        return backend;
    }

    /** The data; fails if its scope has closed or it was released, since the memory may be reused. */
    INDArray array() {
        if (owner != null && owner.isClosed()) {
            throw new IllegalStateException("tensor " + shape + " " + dtype + " used after its scope was closed");
        }
        if (released) {
            throw new IllegalStateException("tensor " + shape + " " + dtype + " used after it was released");
        }
        return array;
    }

    /** Marks this handle unusable: its array is about to be freed or reused. */
    void markReleased() {
        released = true;
    }

    /** The scope whose closing releases this tensor, or {@code null}. */
    Nd4jScope owner() {
        return owner;
    }

    /** Whether closing {@code scope} releases this tensor (it belongs to that scope or to one nested in it). */
    boolean releasedWith(Nd4jScope scope) {
        for (Nd4jScope s = owner; s != null; s = s.parent()) {
            if (s == scope) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return "Nd4jTensor" + shape + " " + dtype;
    }
}
