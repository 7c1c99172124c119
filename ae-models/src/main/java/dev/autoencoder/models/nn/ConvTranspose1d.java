package dev.autoencoder.models.nn;

import dev.autoencoder.api.Conv2dParams;
import dev.autoencoder.api.Shape;
import dev.autoencoder.api.autodiff.Var;
import java.util.Map;

/**
 * PyTorch's {@code ConvTranspose1d}: weight {@code [in, out, k]}, bias {@code [out]}. PyTorch computes the
 * initialisation fan-in from the weight's second dimension, {@code out * k}; so does this layer. It is the 2-D
 * transposed convolution of height 1, run through the primitives every backend has.
 */
public final class ConvTranspose1d implements Layer {
    private final Parameter weight;
    private final Parameter bias;
    private final Conv2dParams params;
    private final int outputPadding;

    /** A transposed convolution over steps, with the stride and padding of the convolution it transposes. */
    public ConvTranspose1d(int in, int out, int kernel, int stride, int padding, int outputPadding, Init init) {
        long fanIn = (long) out * kernel;
        this.weight = init.uniformFanIn(Shape.of(in, out, kernel), fanIn);
        this.bias = init.uniformFanIn(Shape.of(out), fanIn);
        this.params = HeightOne.params(stride, padding);
        this.outputPadding = outputPadding;
    }

    /** {@code x [n, in, steps]} to {@code [n, out, (steps - 1) stride - 2 padding + k + outputPadding]}. */
    @Override
    public Var forward(Var x, Forward pass) {
        Var y = HeightOne.input(x, "ConvTranspose1d", weight.shape().dim(0))
                .conv2dTranspose(HeightOne.lift(pass.param(weight)), params, 0, outputPadding);
        return HeightOne.output(y, pass.param(bias));
    }

    /** The weight {@code [in, out, k]}. */
    public Parameter weight() {
        return weight;
    }

    /** The bias {@code [out]}. */
    public Parameter bias() {
        return bias;
    }

    /** The stride of the convolution this layer transposes. */
    public int stride() {
        return params.strideW();
    }

    /** The padding of the convolution this layer transposes. */
    public int padding() {
        return params.padW();
    }

    /** Steps added at the end of the output (PyTorch's {@code output_padding}). */
    public int outputPadding() {
        return outputPadding;
    }

    @Override
    public Map<String, Parameter> parameters() {
        return Module.weightAndBias(weight, bias);
    }
}
