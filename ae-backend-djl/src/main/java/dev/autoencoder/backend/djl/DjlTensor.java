package dev.autoencoder.backend.djl;

import ai.djl.pytorch.engine.PtNDArray;
import dev.autoencoder.api.DType;
import dev.autoencoder.api.Shape;
import dev.autoencoder.api.Tensor;
import dev.autoencoder.api.TensorBackend;
import java.lang.ref.Cleaner;

/**
 * A tensor of the DJL backend: a libtorch tensor behind a {@link PtNDArray} handle, which belongs to the
 * {@code NDManager} of the scope it was created in (or to the backend's long-lived manager). The data is never
 * written after the handle is returned; views (reshape, permute, slice, broadcast) share storage, which libtorch
 * reference-counts, so releasing one handle never frees data another handle still uses.
 */
final class DjlTensor implements Tensor {
    private final DjlBackend backend;
    private final PtNDArray array;
    private final Shape shape;
    private final DType dtype;
    /** Frees the array once this handle is unreachable; set only while it lives outside every scope. */
    private volatile Cleaner.Cleanable reclaim;

    DjlTensor(DjlBackend backend, PtNDArray array, Shape shape, DType dtype) {
        this.backend = backend;
        this.array = array;
        this.shape = shape;
        this.dtype = dtype;
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

    /** The libtorch handle. */
    PtNDArray array() {
        return array;
    }

    /** Lets the garbage collector free the array once this handle is unreachable (it now lives outside scopes). */
    void reclaimWith(Cleaner cleaner) {
        PtNDArray a = array;
        reclaim = cleaner.register(this, a::close);
    }

    /** Frees the native memory now. */
    void release() {
        Cleaner.Cleanable r = reclaim;
        if (r != null) {
            r.clean();
        } else {
            array.close();
        }
    }

    @Override
    public String toString() {
        return "DjlTensor" + shape + " " + dtype;
    }
}
