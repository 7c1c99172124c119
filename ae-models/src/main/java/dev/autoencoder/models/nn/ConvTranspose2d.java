package dev.autoencoder.models.nn;

import dev.autoencoder.api.Conv2dParams;
import dev.autoencoder.api.Shape;
import dev.autoencoder.api.autodiff.Var;
import java.util.Map;

/**
 * PyTorch's {@code ConvTranspose2d}: weight {@code [in, out, k, k]}, bias {@code [out]}. PyTorch computes the
 * initialisation fan-in from the weight's second dimension, {@code out * k * k}; so does this layer.
 */
public final class ConvTranspose2d implements Layer {
    private final Parameter weight;
    private final Parameter bias;
    private final Conv2dParams params;
    private final int outputPadding;

    /** A square-kernel transposed convolution initialised as PyTorch does. */
    public ConvTranspose2d(int in, int out, int kernel, int stride, int padding, int outputPadding, Init init) {
        long fanIn = (long) out * kernel * kernel;
        this.weight = init.uniformFanIn(Shape.of(in, out, kernel, kernel), fanIn);
        this.bias = init.uniformFanIn(Shape.of(out), fanIn);
        this.params = Conv2dParams.of(stride, padding);
        this.outputPadding = outputPadding;
    }

    @Override
    public Var forward(Var x, Forward pass) {
        int out = weight.shape().dim(1);
        return x.conv2dTranspose(pass.param(weight), params, outputPadding, outputPadding)
                .add(pass.param(bias).reshape(1, out, 1, 1));
    }

    /** The weight {@code [in, out, k, k]}. */
    public Parameter weight() {
        return weight;
    }

    /** The bias {@code [out]}. */
    public Parameter bias() {
        return bias;
    }

    /** Stride and padding, as of the convolution this layer transposes. */
    public Conv2dParams params() {
        return params;
    }

    /** Rows and columns added at the bottom and right of the output (PyTorch's {@code output_padding}). */
    public int outputPadding() {
        return outputPadding;
    }

    @Override
    public Map<String, Parameter> parameters() {
        return Module.weightAndBias(weight, bias);
    }
}
