package dev.autoencoder.models.nn;

import dev.autoencoder.api.Conv2dParams;
import dev.autoencoder.api.Shape;
import dev.autoencoder.api.autodiff.Var;
import java.util.Map;

/**
 * What PyTorch's {@code Conv1d} and {@code ConvTranspose1d} share: a weight with a 1-D kernel and a bias
 * {@code [out]}, under PyTorch's names, the stride and padding of a convolution over steps, and how they run. A series
 * {@code [n, c, steps]} and a kernel {@code [a, b, k]} are 2-D ones of height 1 ({@code [n, c, 1, steps]},
 * {@code [a, b, 1, k]}), convolved with stride 1 and no padding along the height: reshapes only, so every backend
 * computes the 1-D layers, values and gradients, through the 2-D convolution primitives it already has.
 */
public abstract sealed class SeriesConvolution implements Layer permits Conv1d, ConvTranspose1d {
    private final int in;
    private final Parameter weight;
    private final Parameter bias;
    private final Conv2dParams params;

    /** Parameters uniform in {@code ±1/sqrt(fanIn)}, as PyTorch initialises them, the weight first. */
    SeriesConvolution(int in, int out, Shape weightShape, long fanIn, int stride, int padding, Init init) {
        this.in = in;
        this.weight = init.uniformFanIn(weightShape, fanIn);
        this.bias = init.uniformFanIn(Shape.of(out), fanIn);
        this.params = new Conv2dParams(1, stride, 0, padding);
    }

    /**
     * The layer over {@code x [n, in, steps]}.
     *
     * @throws IllegalArgumentException when {@code x} is no series of {@code in} channels, naming its shape
     */
    @Override
    public final Var forward(Var x, Forward pass) {
        if (x.shape().rank() != 3 || x.shape().dim(1) != in) {
            throw new IllegalArgumentException("a " + getClass().getSimpleName() + " of " + in + " input channels takes [n, " + in
                    + ", steps], got " + x.shape());
        }
        Var y = convolve(heightOne(x), heightOne(pass.param(weight)), params);
        int out = y.shape().dim(1);
        return y.reshape(y.shape().dim(0), out, y.shape().dim(3)).add(pass.param(bias).reshape(1, out, 1));
    }

    /** {@code [a, b, k]} as {@code [a, b, 1, k]}. */
    private static Var heightOne(Var v) {
        return v.reshape(v.shape().dim(0), v.shape().dim(1), 1, v.shape().dim(2));
    }

    /** This layer's 2-D primitive on {@code x [n, in, 1, steps]} and the weight of height 1, without the bias. */
    abstract Var convolve(Var x, Var weight, Conv2dParams params);

    /** The weight: {@code [out, in, k]} for {@code Conv1d}, {@code [in, out, k]} for {@code ConvTranspose1d}. */
    public final Parameter weight() {
        return weight;
    }

    /** The bias {@code [out]}. */
    public final Parameter bias() {
        return bias;
    }

    /** Steps between the kernel's positions (of the convolution a transposed layer transposes). */
    public final int stride() {
        return params.strideW();
    }

    /** Zeros added before the first step and after the last (of the convolution a transposed layer transposes). */
    public final int padding() {
        return params.padW();
    }

    @Override
    public final Map<String, Parameter> parameters() {
        return Module.weightAndBias(weight, bias);
    }
}
