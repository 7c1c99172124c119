package dev.autoencoder.onnx.proto;

import com.google.protobuf.CodedOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * ONNX's {@code TensorProto}: a named constant tensor (an initializer), its elements as {@code raw_data} in
 * little-endian order, as the specification requires.
 *
 * @param name     the value's name in the graph
 * @param dims     the shape ({@code []} for a scalar)
 * @param dataType {@link #FLOAT} or {@link #INT64}
 * @param rawData  the elements, row-major, little-endian
 */
public record TensorProto(String name, long[] dims, int dataType, byte[] rawData) implements Message {
    /** {@code TensorProto.DataType.FLOAT}: 32-bit IEEE floats. */
    public static final int FLOAT = 1;
    /** {@code TensorProto.DataType.INT64}. */
    public static final int INT64 = 7;

    public TensorProto {
        dims = dims.clone();
        rawData = rawData.clone();
    }

    /** A float tensor of {@code values}. */
    public static TensorProto floats(String name, long[] dims, float... values) {
        ByteBuffer bytes = ByteBuffer.allocate(Float.BYTES * values.length).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asFloatBuffer().put(values);
        return new TensorProto(name, dims, FLOAT, bytes.array());
    }

    /** An int64 tensor of {@code values}. */
    public static TensorProto int64s(String name, long[] dims, long... values) {
        ByteBuffer bytes = ByteBuffer.allocate(Long.BYTES * values.length).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asLongBuffer().put(values);
        return new TensorProto(name, dims, INT64, bytes.array());
    }

    @Override
    public long[] dims() {
        return dims.clone();
    }

    @Override
    public byte[] rawData() {
        return rawData.clone();
    }

    @Override
    public void writeTo(CodedOutputStream out) throws IOException {
        for (long d : dims) {
            out.writeInt64(1, d);
        }
        out.writeInt32(2, dataType);
        out.writeString(8, name);
        out.writeByteArray(9, rawData);
    }
}
