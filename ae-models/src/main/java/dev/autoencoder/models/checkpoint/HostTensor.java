package dev.autoencoder.models.checkpoint;

import dev.autoencoder.api.DType;
import dev.autoencoder.api.Shape;
import dev.autoencoder.api.Tensor;
import dev.autoencoder.api.TensorBackend;
import java.util.Objects;

/**
 * An immutable tensor held in Java arrays, outside any backend: what a checkpoint stores and loads. It lets a
 * checkpoint written by one backend load on every other, and lets files be read and written without a backend.
 * Its elements are row-major; the array behind it is never handed out, only copies.
 */
public final class HostTensor {
    private final DType dtype;
    private final Shape shape;
    /** The elements when {@code dtype} is F32, else null. */
    private final float[] floats;
    /** The elements when {@code dtype} is F64, else null. */
    private final double[] doubles;

    private HostTensor(DType dtype, Shape shape, float[] floats, double[] doubles) {
        this.dtype = dtype;
        this.shape = shape;
        this.floats = floats;
        this.doubles = doubles;
    }

    /** An F32 tensor holding a copy of {@code data}, whose length must equal {@code shape.size()}. */
    public static HostTensor ofFloats(Shape shape, float[] data) {
        return wrapFloats(shape, Objects.requireNonNull(data, "data").clone());
    }

    /** An F64 tensor holding a copy of {@code data}, whose length must equal {@code shape.size()}. */
    public static HostTensor ofDoubles(Shape shape, double[] data) {
        return wrapDoubles(shape, Objects.requireNonNull(data, "data").clone());
    }

    /** A copy of {@code tensor}'s elements, read out of {@code backend} in the tensor's own dtype. */
    public static HostTensor of(TensorBackend backend, Tensor tensor) {
        return switch (tensor.dtype()) {
            case F32 -> wrapFloats(tensor.shape(), backend.toFloats(tensor));
            case F64 -> wrapDoubles(tensor.shape(), backend.toDoubles(tensor));
        };
    }

    /** An F32 tensor that takes ownership of {@code data} without copying it. */
    static HostTensor wrapFloats(Shape shape, float[] data) {
        checkLength(shape, data.length);
        return new HostTensor(DType.F32, shape, data, null);
    }

    /** An F64 tensor that takes ownership of {@code data} without copying it. */
    static HostTensor wrapDoubles(Shape shape, double[] data) {
        checkLength(shape, data.length);
        return new HostTensor(DType.F64, shape, null, data);
    }

    private static void checkLength(Shape shape, int length) {
        Objects.requireNonNull(shape, "shape");
        if (length != shape.size()) {
            throw new IllegalArgumentException(
                    "shape " + shape + " holds " + shape.size() + " elements, but " + length + " were given");
        }
    }

    /** This tensor's data as a tensor of {@code backend}, in this tensor's dtype. */
    public Tensor toTensor(TensorBackend backend) {
        return switch (dtype) {
            case F32 -> backend.fromFloats(floats, shape);
            case F64 -> backend.fromDoubles(doubles, shape);
        };
    }

    /** The element type. */
    public DType dtype() {
        return dtype;
    }

    /** The shape. */
    public Shape shape() {
        return shape;
    }

    /** The number of elements ({@code shape().size()}). */
    public int size() {
        return dtype == DType.F32 ? floats.length : doubles.length;
    }

    /** A copy of the elements in row-major order as floats; F64 elements are rounded to nearest. */
    public float[] toFloats() {
        if (dtype == DType.F32) {
            return floats.clone();
        }
        float[] out = new float[doubles.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) doubles[i];
        }
        return out;
    }

    /** A copy of the elements in row-major order as doubles; F32 elements are widened exactly. */
    public double[] toDoubles() {
        if (dtype == DType.F64) {
            return doubles.clone();
        }
        double[] out = new double[floats.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = floats[i];
        }
        return out;
    }

    /** The position of the first NaN or infinite element, or -1 when every element is finite. */
    int firstNonFinite() {
        for (int i = 0; i < size(); i++) {
            if (!Double.isFinite(element(i))) {
                return i;
            }
        }
        return -1;
    }

    /** Element {@code i} in row-major order, widened to a double. */
    double element(int i) {
        return dtype == DType.F32 ? floats[i] : doubles[i];
    }

    /** The F32 elements themselves, not copied (null for F64); callers must not modify them. */
    float[] floatData() {
        return floats;
    }

    /** The F64 elements themselves, not copied (null for F32); callers must not modify them. */
    double[] doubleData() {
        return doubles;
    }

    /** The number of bytes the elements take in a file. */
    long byteSize() {
        return (long) size() * dtype.byteSize();
    }

    @Override
    public String toString() {
        return "HostTensor[" + dtype + " " + shape + "]";
    }
}
