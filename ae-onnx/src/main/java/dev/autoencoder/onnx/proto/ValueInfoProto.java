package dev.autoencoder.onnx.proto;

import com.google.protobuf.CodedOutputStream;
import java.io.IOException;
import java.util.List;

/**
 * ONNX's {@code ValueInfoProto} of a tensor: a graph input or output, its element type and its shape, whose
 * dimensions are fixed sizes or named (dynamic) ones. It writes the nested {@code TypeProto},
 * {@code TypeProto.Tensor}, {@code TensorShapeProto} and {@code TensorShapeProto.Dimension} itself.
 *
 * @param name     the value's name
 * @param elemType the element type, a {@code TensorProto.DataType} ({@link TensorProto#FLOAT})
 * @param dims     the shape
 */
public record ValueInfoProto(String name, int elemType, List<Dimension> dims) implements Message {
    public ValueInfoProto {
        dims = List.copyOf(dims);
    }

    /**
     * One dimension of a shape: a size, or the name of a dimension that is only known when the graph runs.
     *
     * @param value the size, when {@code param} is null
     * @param param the dimension's name, or null
     */
    public record Dimension(long value, String param) implements Message {
        /** A dimension of size {@code value}. */
        public static Dimension of(long value) {
            return new Dimension(value, null);
        }

        /** A dynamic dimension named {@code param} ({@code batch}). */
        public static Dimension named(String param) {
            return new Dimension(0, param);
        }

        @Override
        public void writeTo(CodedOutputStream out) throws IOException {
            if (param == null) {
                out.writeInt64(1, value);
            } else {
                out.writeString(2, param);
            }
        }
    }

    @Override
    public void writeTo(CodedOutputStream out) throws IOException {
        out.writeString(1, name);
        Message shape = o -> Message.writeAll(o, 1, dims);
        Message tensorType = o -> {
            o.writeInt32(1, elemType);
            Message.write(o, 2, shape);
        };
        Message.write(out, 2, o -> Message.write(o, 1, tensorType));
    }
}
