package dev.autoencoder.backend.pure;

import dev.autoencoder.api.DType;
import dev.autoencoder.api.Shape;
import dev.autoencoder.api.Tensor;
import dev.autoencoder.api.TensorBackend;

/**
 * A pure-Java tensor: a row-major {@code float[]} (F32) or {@code double[]} (F64) on the heap. The array is
 * never written after construction, so reshapes share it; the one exception is
 * {@link PureBackend#adamStepInPlace}, on tensors (and their reshapes) that their owner gave up. An F32 array lent by
 * a scope ({@link Arena}) is reused once the scope closes; from then on the tensor refuses to be read.
 */
final class PureTensor implements Tensor {
    private final PureBackend backend;
    private final Shape shape;
    private final float[] floats;
    private final double[] doubles;
    /** The scope's lease of {@link #floats}, or null when no scope lent it. */
    private final Arena.Lease lease;

    private PureTensor(PureBackend backend, Shape shape, float[] floats, double[] doubles, Arena.Lease lease) {
        this.backend = backend;
        this.shape = shape;
        this.floats = floats;
        this.doubles = doubles;
        this.lease = lease;
    }

    static PureTensor of(PureBackend backend, Shape shape, float[] data) {
        return new PureTensor(backend, shape, data, null, backend.leaseOf(data));
    }

    static PureTensor of(PureBackend backend, Shape shape, double[] data) {
        return new PureTensor(backend, shape, null, data, null);
    }

    /** A tensor of {@code dtype} over the given array, which must be a {@code float[]} or {@code double[]}. */
    static PureTensor ofArray(PureBackend backend, Shape shape, Object data) {
        return data instanceof float[] f ? of(backend, shape, f) : of(backend, shape, (double[]) data);
    }

    @Override
    public Shape shape() {
        return shape;
    }

    @Override
    public DType dtype() {
        return floats != null ? DType.F32 : DType.F64;
    }

    @Override
    public TensorBackend backend() {
        return backend;
    }

    /** The F32 data; only for F32 tensors. */
    float[] floats() {
        requireLive();
        return floats;
    }

    /** The F64 data; only for F64 tensors. */
    double[] doubles() {
        return doubles;
    }

    /** The backing array, a {@code float[]} or a {@code double[]}. */
    Object array() {
        requireLive();
        return floats != null ? floats : doubles;
    }

    /** The element at flat index {@code i}, widened to double. */
    double get(int i) {
        requireLive();
        return floats != null ? floats[i] : doubles[i];
    }

    PureTensor reshaped(Shape newShape) {
        return new PureTensor(backend, newShape, floats, doubles, lease);
    }

    private void requireLive() {
        if (lease != null && lease.released()) {
            throw new IllegalStateException("a " + shape + " tensor was used after the scope it belongs to closed;"
                    + " keep it (TensorScope.keep) to use it outside");
        }
    }

    @Override
    public String toString() {
        return "PureTensor" + shape + " " + dtype();
    }
}
