package dev.autoencoder.models.nn;

import dev.autoencoder.api.Conv2dParams;
import dev.autoencoder.api.Shape;
import dev.autoencoder.api.autodiff.Var;
import java.util.Map;

/** PyTorch's {@code Conv2d} (NCHW): weight {@code [out, in, k, k]}, bias {@code [out]}. */
public final class Conv2d implements Layer {
    private final Parameter weight;
    private final Parameter bias;
    private final Conv2dParams params;

    /** A square-kernel convolution initialised as PyTorch does ({@code fan_in = in * k * k}). */
    public Conv2d(int in, int out, int kernel, int stride, int padding, Init init) {
        long fanIn = (long) in * kernel * kernel;
        this.weight = init.uniformFanIn(Shape.of(out, in, kernel, kernel), fanIn);
        this.bias = init.uniformFanIn(Shape.of(out), fanIn);
        this.params = Conv2dParams.of(stride, padding);
    }

    @Override
    public Var forward(Var x, Forward pass) {
        int out = weight.shape().dim(0);
        return x.conv2d(pass.param(weight), params).add(pass.param(bias).reshape(1, out, 1, 1));
    }

    /** The weight {@code [out, in, k, k]}. */
    public Parameter weight() {
        return weight;
    }

    /** The bias {@code [out]}. */
    public Parameter bias() {
        return bias;
    }

    /** Stride and padding. */
    public Conv2dParams params() {
        return params;
    }

    @Override
    public Map<String, Parameter> parameters() {
        return Module.weightAndBias(weight, bias);
    }
}
