package dev.autoencoder.backend.djl;

import ai.djl.Device;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.engine.PtNDManager;
import ai.djl.pytorch.jni.JniUtils;
import dev.autoencoder.api.DType;
import dev.autoencoder.api.Shape;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.function.Consumer;

/**
 * Copies between Java arrays and libtorch tensors: an upload writes into a new empty tensor through a direct buffer over
 * its memory; a download reads a contiguous tensor's memory the same way (and libtorch's copy of one that is not).
 */
final class Transfers {
    private final Device device;

    /** Transfers to and from {@code device} (the CPU today). */
    Transfers(Device device) {
        this.device = device;
    }

    /** The DJL data type of an ae dtype. */
    static DataType dataType(DType dtype) {
        return dtype == DType.F32 ? DataType.FLOAT32 : DataType.FLOAT64;
    }

    /** DJL's shape for an ae shape. */
    static ai.djl.ndarray.types.Shape shape(Shape s) {
        long[] dims = new long[s.rank()];
        for (int i = 0; i < dims.length; i++) {
            dims[i] = s.dim(i);
        }
        return new ai.djl.ndarray.types.Shape(dims);
    }

    /**
     * A tensor in {@code manager} holding what {@code fill} writes into a buffer of the tensor's byte size: the buffer
     * is a view of the new tensor's own memory, so the values are copied once.
     */
    PtNDArray upload(PtNDManager manager, Shape shape, DType dtype, Consumer<ByteBuffer> fill) {
        PtNDArray array = JniUtils.createEmptyNdArray(manager, shape(shape), dataType(dtype), device, SparseFormat.DENSE);
        if (shape.size() > 0) {
            // on the CPU the tensor's memory is the host's; a GPU device would fill a host tensor and copy it over
            fill.accept(JniUtils.getByteBuffer(array, true).order(ByteOrder.nativeOrder()));
        }
        return array;
    }

    /**
     * Hands the elements of {@code array} in row-major order, as bytes of the machine's order, to {@code read}, which
     * must copy what it needs before it returns: for a contiguous tensor the buffer is a view of libtorch's memory,
     * which saves a copy through a Java byte array.
     */
    static void download(PtNDArray array, Consumer<ByteBuffer> read) {
        boolean view = array.size() > 0 && Contiguity.all(array);
        read.accept(JniUtils.getByteBuffer(array, view).order(ByteOrder.nativeOrder()));
    }
}
