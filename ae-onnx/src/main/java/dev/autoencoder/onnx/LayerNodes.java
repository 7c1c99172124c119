package dev.autoencoder.onnx;

import dev.autoencoder.api.Conv2dParams;
import dev.autoencoder.models.family.Likelihood;
import dev.autoencoder.models.nn.Activation;
import dev.autoencoder.models.nn.Conv1d;
import dev.autoencoder.models.nn.Conv2d;
import dev.autoencoder.models.nn.ConvTranspose1d;
import dev.autoencoder.models.nn.ConvTranspose2d;
import dev.autoencoder.models.nn.Dense;
import dev.autoencoder.models.nn.Dropout;
import dev.autoencoder.models.nn.Layer;
import dev.autoencoder.models.nn.Parameter;
import dev.autoencoder.models.nn.Reshape;
import dev.autoencoder.models.nn.Sequential;
import dev.autoencoder.onnx.proto.AttributeProto;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The ONNX operators of ae's layers, added to a graph under the layer's PyTorch path ({@code encoder.3}): {@code Gemm}
 * for {@code Dense} ({@code x W^T + b}), {@code Conv} and {@code ConvTranspose} with their bias (2-D, or 1-D for
 * {@code Conv1d} and {@code ConvTranspose1d}), the activation's operator, {@code Flatten} or {@code Reshape}. Dropout
 * and the identity add nothing, as at inference.
 */
final class LayerNodes {
    private LayerNodes() {
    }

    /** Applies every layer of {@code network}, named {@code path.<index>}, to {@code x}; returns the result's name. */
    static String apply(GraphBuilder g, String path, Sequential network, String x) {
        String y = x;
        List<Layer> layers = network.layers();
        for (int i = 0; i < layers.size(); i++) {
            y = apply(g, path + "." + i, layers.get(i), y);
        }
        return y;
    }

    /** Applies {@code layer}, named {@code path}, to {@code x}; returns the result's name. */
    static String apply(GraphBuilder g, String path, Layer layer, String x) {
        if (layer instanceof Dense dense) {
            return dense(g, path, dense, x);
        }
        if (layer instanceof Conv2d conv) {
            Conv2dParams p = conv.params();
            return g.node(path, "Conv", withBias(g, path, conv.weight(), conv.bias(), x), kernel(conv.weight()), strides(p), pads(p));
        }
        if (layer instanceof ConvTranspose2d conv) {
            Conv2dParams p = conv.params();
            return g.node(path, "ConvTranspose", withBias(g, path, conv.weight(), conv.bias(), x), kernel(conv.weight()), strides(p),
                    pads(p), AttributeProto.ofInts("output_padding", conv.outputPadding(), conv.outputPadding()));
        }
        if (layer instanceof Conv1d conv) {
            return g.node(path, "Conv", withBias(g, path, conv.weight(), conv.bias(), x), kernel(conv.weight()),
                    strides(conv.stride()), pads(conv.padding()));
        }
        if (layer instanceof ConvTranspose1d conv) {
            return g.node(path, "ConvTranspose", withBias(g, path, conv.weight(), conv.bias(), x), kernel(conv.weight()),
                    strides(conv.stride()), pads(conv.padding()),
                    AttributeProto.ofInts("output_padding", conv.outputPadding()));
        }
        if (layer instanceof Activation activation) {
            return activation(g, path, activation, x);
        }
        if (layer instanceof Reshape reshape) {
            return reshape(g, path, reshape, x);
        }
        if (layer instanceof Sequential network) {
            return apply(g, path, network, x);
        }
        if (layer instanceof Dropout) {
            return x;
        }
        throw new IllegalArgumentException("cannot export a " + layer.getClass().getSimpleName() + " layer (" + path + ") to ONNX");
    }

    /** {@code x W^T + b} of {@code dense}, named {@code path}. */
    static String dense(GraphBuilder g, String path, Dense dense, String x) {
        return g.node(path, "Gemm", withBias(g, path, dense.weight(), dense.bias(), x), AttributeProto.of("transB", 1L));
    }

    /** The likelihood's data-space output of the raw values {@code raw}: a sigmoid for a Bernoulli decoder. */
    static String output(GraphBuilder g, String path, Likelihood likelihood, String raw) {
        return switch (likelihood) {
            case BERNOULLI -> g.node(path, "Sigmoid", List.of(raw));
            case GAUSSIAN -> raw;
        };
    }

    private static String activation(GraphBuilder g, String path, Activation activation, String x) {
        return switch (activation) {
            case RELU -> g.node(path, "Relu", List.of(x));
            case LEAKY_RELU -> g.node(path, "LeakyRelu", List.of(x), AttributeProto.of("alpha", (float) Activation.LEAKY_SLOPE));
            case SIGMOID -> g.node(path, "Sigmoid", List.of(x));
            case TANH -> g.node(path, "Tanh", List.of(x));
            case IDENTITY -> x;
        };
    }

    /** {@code Flatten} after the batch axis, or a {@code Reshape} that keeps the batch dimension (0: copied). */
    private static String reshape(GraphBuilder g, String path, Reshape reshape, String x) {
        int[] dims = reshape.sampleDims();
        if (Arrays.equals(dims, Reshape.flatten().sampleDims())) {
            return g.node(path, "Flatten", List.of(x), AttributeProto.of("axis", 1L));
        }
        long[] shape = IntStream.concat(IntStream.of(0), Arrays.stream(dims)).asLongStream().toArray();
        return g.node(path, "Reshape", List.of(x, g.int64s(path + ".shape", shape)));
    }

    /** The inputs {@code [x, weight, bias]} of an operator with the initializers {@code path.weight} and {@code path.bias}. */
    private static List<String> withBias(GraphBuilder g, String path, Parameter weight, Parameter bias, String x) {
        return List.of(x, g.weight(path + ".weight", weight), g.weight(path + ".bias", bias));
    }

    /** The kernel's spatial sizes: the weight's dimensions after its two channel dimensions. */
    private static AttributeProto kernel(Parameter weight) {
        int[] dims = weight.shape().dims();
        return AttributeProto.ofInts("kernel_shape", Arrays.stream(dims, 2, dims.length).asLongStream().toArray());
    }

    private static AttributeProto strides(Conv2dParams p) {
        return AttributeProto.ofInts("strides", p.strideH(), p.strideW());
    }

    private static AttributeProto strides(int stride) {
        return AttributeProto.ofInts("strides", stride);
    }

    /** PyTorch's padding at both ends of the steps as ONNX's {@code [begin, end]}. */
    private static AttributeProto pads(int padding) {
        return AttributeProto.ofInts("pads", padding, padding);
    }

    /** PyTorch's symmetric padding as ONNX's {@code [top, left, bottom, right]}. */
    private static AttributeProto pads(Conv2dParams p) {
        return AttributeProto.ofInts("pads", p.padH(), p.padW(), p.padH(), p.padW());
    }
}
