package dev.autoencoder.onnx;

import dev.autoencoder.api.Tensor;
import dev.autoencoder.models.nn.Parameter;
import dev.autoencoder.onnx.proto.AttributeProto;
import dev.autoencoder.onnx.proto.GraphProto;
import dev.autoencoder.onnx.proto.NodeProto;
import dev.autoencoder.onnx.proto.TensorProto;
import dev.autoencoder.onnx.proto.ValueInfoProto;
import dev.autoencoder.onnx.proto.ValueInfoProto.Dimension;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Collects one ONNX graph: its float inputs and outputs, whose first dimension is the dynamic {@value #BATCH}, the
 * initializers and the nodes in the order they are added. Every value has one name: a node and its output are named by
 * the layer's path and the operator ({@code encoder.0/Gemm}), an initializer as the parameter it holds
 * ({@code encoder.0.weight}), a graph output by its own name ({@code x_hat}).
 */
final class GraphBuilder {
    /** The name of the batch dimension of every input and output. */
    static final String BATCH = "batch";

    private final List<NodeProto> nodes = new ArrayList<>();
    private final List<TensorProto> initializers = new ArrayList<>();
    private final List<ValueInfoProto> inputs = new ArrayList<>();
    private final List<ValueInfoProto> outputs = new ArrayList<>();
    private final Set<String> names = new HashSet<>();

    /** Declares the graph input {@code name}: float32 samples of {@code sampleShape}; returns its name. */
    String input(String name, List<Integer> sampleShape) {
        inputs.add(valueInfo(claim(name), sampleShape));
        return name;
    }

    /** Makes {@code value} the graph output {@code name} (through an {@code Identity} node) of samples of {@code sampleShape}. */
    void output(String name, String value, List<Integer> sampleShape) {
        nodes.add(new NodeProto(claim(name + "/Identity"), "Identity", List.of(value), List.of(claim(name)), List.of()));
        outputs.add(valueInfo(name, sampleShape));
    }

    /** The initializer {@code name} holding the value of {@code parameter} as float32; returns its name. */
    String weight(String name, Parameter parameter) {
        Tensor value = parameter.value();
        long[] dims = Arrays.stream(value.shape().dims()).asLongStream().toArray();
        initializers.add(TensorProto.floats(claim(name), dims, value.backend().toFloats(value)));
        return name;
    }

    /** The float32 scalar initializer {@code name}; returns its name. */
    String scalar(String name, float value) {
        initializers.add(TensorProto.floats(claim(name), new long[0], value));
        return name;
    }

    /** The int64 vector initializer {@code name}; returns its name. */
    String int64s(String name, long... values) {
        initializers.add(TensorProto.int64s(claim(name), new long[] {values.length}, values));
        return name;
    }

    /** The node {@code path/opType} applying {@code opType} to {@code inputs}; returns its output, named as the node. */
    String node(String path, String opType, List<String> inputs, AttributeProto... attributes) {
        String name = claim(path + "/" + opType);
        nodes.add(new NodeProto(name, opType, inputs, List.of(name), List.of(attributes)));
        return name;
    }

    /** The graph collected so far. */
    GraphProto build(String name, String docString) {
        return new GraphProto(name, nodes, initializers, inputs, outputs, docString);
    }

    private String claim(String name) {
        if (!names.add(name)) {
            throw new IllegalStateException("the graph already has a value named '" + name + "'");
        }
        return name;
    }

    private static ValueInfoProto valueInfo(String name, List<Integer> sampleShape) {
        List<Dimension> dims = new ArrayList<>();
        dims.add(Dimension.named(BATCH));
        sampleShape.forEach(d -> dims.add(Dimension.of(d)));
        return new ValueInfoProto(name, TensorProto.FLOAT, dims);
    }
}
