package dev.autoencoder.models.nn;

import dev.autoencoder.api.Conv2dParams;
import dev.autoencoder.api.Shape;
import dev.autoencoder.api.autodiff.Var;

/**
 * PyTorch's {@code ConvTranspose1d}: weight {@code [in, out, k]}, bias {@code [out]}. PyTorch computes the
 * initialisation fan-in from the weight's second dimension, {@code out * k}; so does this layer. It maps
 * {@code [n, in, steps]} to {@code [n, out, (steps - 1) stride - 2 padding + k + outputPadding]}.
 */
public final class ConvTranspose1d extends SeriesConvolution {
    private final int outputPadding;

    /** A transposed convolution over steps, with the stride and padding of the convolution it transposes. */
    public ConvTranspose1d(int in, int out, int kernel, int stride, int padding, int outputPadding, Init init) {
        super(in, out, Shape.of(in, out, kernel), (long) out * kernel, stride, padding, init);
        this.outputPadding = outputPadding;
    }

    @Override
    Var convolve(Var x, Var weight, Conv2dParams params) {
        return x.conv2dTranspose(weight, params, 0, outputPadding);
    }

    /** Steps added at the end of the output (PyTorch's {@code output_padding}). */
    public int outputPadding() {
        return outputPadding;
    }
}
