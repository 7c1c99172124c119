package dev.autoencoder.backend.nd4j;

import dev.autoencoder.api.DType;
import dev.autoencoder.api.Shape;
import java.nio.FloatBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Allocation and transfer of c-order arrays of our shapes, including the two shapes ND4J treats specially: rank 0
 * (scalars) and size 0 (empty arrays).
 */
final class NdArrays {
    private NdArrays() {
    }

    /** ND4J's data type for a dtype. */
    static DataType dataType(DType dtype) {
        return dtype == DType.F32 ? DataType.FLOAT : DataType.DOUBLE;
    }

    /** The dimensions as ND4J wants them. */
    static long[] dims(Shape shape) {
        long[] d = new long[shape.rank()];
        for (int i = 0; i < d.length; i++) {
            d[i] = shape.dim(i);
        }
        return d;
    }

    /** Integer arguments as libnd4j takes them. */
    static long[] longs(int[] values) {
        long[] l = new long[values.length];
        for (int i = 0; i < l.length; i++) {
            l[i] = values[i];
        }
        return l;
    }

    /** An array of {@code shape} whose contents the caller overwrites. */
    static INDArray uninitialized(Shape shape, DataType type) {
        if (shape.rank() == 0) {
            return Nd4j.scalar(type, 0);
        }
        return shape.size() == 0 ? empty(shape, type) : Nd4j.createUninitialized(type, dims(shape), 'c');
    }

    /** An array of {@code shape} with every element equal to {@code value}. */
    static INDArray filled(Shape shape, DataType type, double value) {
        if (shape.rank() == 0) {
            return Nd4j.scalar(type, value);
        }
        return shape.size() == 0 ? empty(shape, type) : Nd4j.valueArrayOf(dims(shape), value, type);
    }

    /** An array with no elements; ND4J creates those only outside workspaces (they hold no memory anyway). */
    private static INDArray empty(Shape shape, DataType type) {
        try (MemoryWorkspace outside = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            return Nd4j.create(type, dims(shape));
        }
    }

    /*
     * Transfers copy in bulk through a view of the native buffer: ND4J's own (Nd4j.create(float[]),
     * DataBuffer.asFloat()) copy element by element, which made uploading a W1 batch of 500 cost more than a ReLU over
     * it.
     */

    /** A copy of the floats from {@code data}'s position to its limit (F32) with {@code shape}; its position stays. */
    static INDArray of(FloatBuffer data, Shape shape) {
        INDArray a = uninitialized(shape, DataType.FLOAT);
        if (data.hasRemaining()) {
            a.data().asNioFloat().put(data.duplicate());
        }
        return a;
    }

    /** A copy of {@code data} (F64) with {@code shape}. */
    static INDArray of(double[] data, Shape shape) {
        INDArray a = uninitialized(shape, DataType.DOUBLE);
        if (data.length > 0) {
            a.data().asNioDouble().put(data);
        }
        return a;
    }

    /**
     * True when each array is the whole of its buffer in row-major order (and indexable by an int), so that a pass
     * over the buffers ({@link DirectBlas}'s, {@link dev.autoencoder.api.kernel.OffHeapAdam}'s) is a pass over the
     * elements in one order.
     */
    static boolean wholeBuffers(INDArray... arrays) {
        for (INDArray array : arrays) {
            if (array.isView() || array.ordering() != 'c' || array.offset() != 0
                    || array.data().length() != array.length() || array.length() > Integer.MAX_VALUE) {
                return false;
            }
        }
        return true;
    }

    /** The elements in row-major order, widened to double. */
    static double[] doubles(INDArray a, int size) {
        if (size == 0) {
            return new double[0];
        }
        if (a.dataType() != DataType.DOUBLE) {
            return a.data().asDouble();
        }
        double[] d = new double[size];
        a.data().asNioDouble().get(d);
        return d;
    }

    /**
     * Writes the first {@code size} elements in row-major order as floats (doubles rounded to nearest) into {@code into}
     * from its position on, which stays where it was.
     */
    static void copy(INDArray a, int size, FloatBuffer into) {
        if (size == 0) {
            return;
        }
        if (a.dataType() == DataType.FLOAT) {
            into.put(into.position(), a.data().asNioFloat(), 0, size);
            return;
        }
        double[] d = doubles(a, size);
        for (int i = 0; i < d.length; i++) {
            into.put(into.position() + i, (float) d[i]);
        }
    }
}
