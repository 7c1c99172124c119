package dev.autoencoder.models.nn;

import dev.autoencoder.api.Conv2dParams;
import dev.autoencoder.api.Shape;
import dev.autoencoder.api.autodiff.Var;
import java.util.Map;

/**
 * PyTorch's {@code Conv1d} (NCL): weight {@code [out, in, k]}, bias {@code [out]}, both uniform in
 * {@code ±1/sqrt(in * k)} as PyTorch initialises them. It is the 2-D convolution of height 1, so every backend runs it
 * through the convolution primitives it already has.
 */
public final class Conv1d implements Layer {
    private final Parameter weight;
    private final Parameter bias;
    private final Conv2dParams params;

    /** A convolution over steps, {@code padding} zeros added at both ends. */
    public Conv1d(int in, int out, int kernel, int stride, int padding, Init init) {
        long fanIn = (long) in * kernel;
        this.weight = init.uniformFanIn(Shape.of(out, in, kernel), fanIn);
        this.bias = init.uniformFanIn(Shape.of(out), fanIn);
        this.params = HeightOne.params(stride, padding);
    }

    /** {@code x [n, in, steps]} to {@code [n, out, floor((steps + 2 padding - k) / stride) + 1]}. */
    @Override
    public Var forward(Var x, Forward pass) {
        Var y = HeightOne.input(x, "Conv1d", weight.shape().dim(1))
                .conv2d(HeightOne.lift(pass.param(weight)), params);
        return HeightOne.output(y, pass.param(bias));
    }

    /** The weight {@code [out, in, k]}. */
    public Parameter weight() {
        return weight;
    }

    /** The bias {@code [out]}. */
    public Parameter bias() {
        return bias;
    }

    /** Steps between the kernel's positions. */
    public int stride() {
        return params.strideW();
    }

    /** Zeros added before the first step and after the last. */
    public int padding() {
        return params.padW();
    }

    @Override
    public Map<String, Parameter> parameters() {
        return Module.weightAndBias(weight, bias);
    }
}
