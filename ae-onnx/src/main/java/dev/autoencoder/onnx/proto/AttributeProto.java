package dev.autoencoder.onnx.proto;

import com.google.protobuf.CodedOutputStream;
import java.io.IOException;

/**
 * ONNX's {@code AttributeProto} of the three kinds ae's operators need: one float, one integer, or a list of
 * integers; the {@code type} field says which.
 *
 * @param name  the attribute's name ({@code transB}, {@code strides}...)
 * @param type  {@link #FLOAT}, {@link #INT} or {@link #INTS}
 * @param f     the value of a {@link #FLOAT} attribute
 * @param i     the value of an {@link #INT} attribute
 * @param ints  the values of an {@link #INTS} attribute
 */
public record AttributeProto(String name, int type, float f, long i, long[] ints) implements Message {
    /** {@code AttributeType.FLOAT}. */
    public static final int FLOAT = 1;
    /** {@code AttributeType.INT}. */
    public static final int INT = 2;
    /** {@code AttributeType.INTS}. */
    public static final int INTS = 7;

    public AttributeProto {
        ints = ints.clone();
    }

    /** A float attribute. */
    public static AttributeProto of(String name, float value) {
        return new AttributeProto(name, FLOAT, value, 0, new long[0]);
    }

    /** An integer attribute. */
    public static AttributeProto of(String name, long value) {
        return new AttributeProto(name, INT, 0, value, new long[0]);
    }

    /** A list of integers. */
    public static AttributeProto ofInts(String name, long... values) {
        return new AttributeProto(name, INTS, 0, 0, values);
    }

    @Override
    public long[] ints() {
        return ints.clone();
    }

    @Override
    public void writeTo(CodedOutputStream out) throws IOException {
        out.writeString(1, name);
        switch (type) {
            case FLOAT -> out.writeFloat(2, f);
            case INT -> out.writeInt64(3, i);
            case INTS -> {
                for (long v : ints) {
                    out.writeInt64(8, v);
                }
            }
            default -> throw new IllegalStateException("attribute type " + type + " is not written");
        }
        out.writeEnum(20, type);
    }
}
