package dev.autoencoder.onnx.proto;

import com.google.protobuf.CodedOutputStream;
import java.io.IOException;
import java.util.List;

/**
 * ONNX's {@code GraphProto}: nodes in topological order, the initializers they read, and the graph's inputs and
 * outputs.
 *
 * @param name         the graph's name
 * @param nodes        the nodes, each after the nodes whose outputs it reads
 * @param initializers the constant tensors (weights)
 * @param inputs       the graph's inputs
 * @param outputs      the graph's outputs
 * @param docString    what the graph computes, in words
 */
public record GraphProto(String name, List<NodeProto> nodes, List<TensorProto> initializers, List<ValueInfoProto> inputs,
        List<ValueInfoProto> outputs, String docString) implements Message {
    public GraphProto {
        nodes = List.copyOf(nodes);
        initializers = List.copyOf(initializers);
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
    }

    @Override
    public void writeTo(CodedOutputStream out) throws IOException {
        Message.writeAll(out, 1, nodes);
        out.writeString(2, name);
        Message.writeAll(out, 5, initializers);
        out.writeString(10, docString);
        Message.writeAll(out, 11, inputs);
        Message.writeAll(out, 12, outputs);
    }
}
