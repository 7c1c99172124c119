package dev.autoencoder.onnx.proto;

import com.google.protobuf.CodedOutputStream;
import java.io.IOException;
import java.util.List;

/**
 * ONNX's {@code NodeProto}: one operator of the default domain applied to named values.
 *
 * @param name       the node's name
 * @param opType     the operator ({@code Gemm}, {@code Conv}...)
 * @param inputs     the names of its inputs, in the operator's order
 * @param outputs    the names of its outputs
 * @param attributes its attributes
 */
public record NodeProto(String name, String opType, List<String> inputs, List<String> outputs, List<AttributeProto> attributes)
        implements Message {
    public NodeProto {
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
        attributes = List.copyOf(attributes);
    }

    @Override
    public void writeTo(CodedOutputStream out) throws IOException {
        Message.writeStrings(out, 1, inputs);
        Message.writeStrings(out, 2, outputs);
        out.writeString(3, name);
        out.writeString(4, opType);
        Message.writeAll(out, 5, attributes);
    }
}
