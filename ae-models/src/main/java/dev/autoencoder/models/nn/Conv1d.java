package dev.autoencoder.models.nn;

import dev.autoencoder.api.Conv2dParams;
import dev.autoencoder.api.Shape;
import dev.autoencoder.api.autodiff.Var;

/**
 * PyTorch's {@code Conv1d} (NCL): weight {@code [out, in, k]}, bias {@code [out]}, both uniform in
 * {@code ±1/sqrt(in * k)} as PyTorch initialises them. It maps {@code [n, in, steps]} to
 * {@code [n, out, floor((steps + 2 padding - k) / stride) + 1]}.
 */
public final class Conv1d extends SeriesConvolution {
    /** A convolution over steps, {@code padding} zeros added at both ends. */
    public Conv1d(int in, int out, int kernel, int stride, int padding, Init init) {
        super(in, out, Shape.of(out, in, kernel), (long) in * kernel, stride, padding, init);
    }

    @Override
    Var convolve(Var x, Var weight, Conv2dParams params) {
        return x.conv2d(weight, params);
    }
}
