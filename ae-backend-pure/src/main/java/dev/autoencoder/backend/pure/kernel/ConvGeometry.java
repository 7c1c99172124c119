package dev.autoencoder.backend.pure.kernel;

/**
 * Sizes of one 2-D convolution, PyTorch {@code conv2d} style (NCHW, zero padding, no dilation or
 * groups): batch {@code n}, input channels {@code c}, input height and width {@code h, w}, output
 * channels {@code o}, kernel {@code kh x kw}, strides and paddings. The output size is derived by
 * {@link #oh()} and {@link #ow()}. One record carries everything the {@link Conv2d} kernels need,
 * so their signatures stay short and cannot mix up the order of a dozen ints.
 *
 * @throws IllegalArgumentException if a size is not positive ({@code n} may be 0), a padding is
 *                                  negative, or the padded input is smaller than the kernel
 */
public record ConvGeometry(int n, int c, int h, int w, int o, int kh, int kw,
                           int strideH, int strideW, int padH, int padW) {

    /** Validates the sizes (see the class comment). */
    public ConvGeometry {
        if (n < 0 || c < 1 || h < 1 || w < 1 || o < 1 || kh < 1 || kw < 1 || strideH < 1 || strideW < 1
                || padH < 0 || padW < 0 || h + 2L * padH < kh || w + 2L * padW < kw) {
            throw new IllegalArgumentException(String.format(
                    "invalid convolution geometry n=%d c=%d h=%d w=%d o=%d kernel=%dx%d stride=%dx%d pad=%dx%d",
                    n, c, h, w, o, kh, kw, strideH, strideW, padH, padW));
        }
    }

    /** Output height: {@code floor((h + 2*padH - kh) / strideH) + 1}. */
    public int oh() {
        return (h + 2 * padH - kh) / strideH + 1;
    }

    /** Output width: {@code floor((w + 2*padW - kw) / strideW) + 1}. */
    public int ow() {
        return (w + 2 * padW - kw) / strideW + 1;
    }
}
