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
 * Copies between Java arrays and libtorch tensors. An upload fills the thread's staging buffer, lets libtorch
 * view it and copies the view into memory libtorch owns; a download copies the tensor (made contiguous by
 * libtorch where it is not) into a Java array.
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

    /** A tensor in {@code manager} holding what {@code fill} writes into a buffer of the tensor's byte size. */
    PtNDArray upload(PtNDManager manager, ThreadState thread, Shape shape, DType dtype, Consumer<ByteBuffer> fill) {
        ai.djl.ndarray.types.Shape djlShape = shape(shape);
        if (shape.size() == 0) {
            return JniUtils.createEmptyNdArray(manager, djlShape, dataType(dtype), device, SparseFormat.DENSE);
        }
        ByteBuffer staging = thread.staging(shape.size() * dtype.byteSize());
        fill.accept(staging);
        try (PtNDArray view = JniUtils.createNdFromByteBuffer(manager, staging, djlShape, dataType(dtype),
                SparseFormat.DENSE, Device.cpu())) {
            // on the CPU the copy is a clone; a GPU device would copy with JniUtils.to(view, type, device) here
            return JniUtils.clone(view);
        }
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
