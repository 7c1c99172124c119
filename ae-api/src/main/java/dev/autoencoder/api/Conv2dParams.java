package dev.autoencoder.api;

/**
 * Stride and zero padding of a 2-D convolution, per spatial axis, with PyTorch's meaning:
 * {@code out = floor((in + 2 * pad - kernel) / stride) + 1}.
 *
 * @param strideH vertical stride, at least 1
 * @param strideW horizontal stride, at least 1
 * @param padH    zero rows added above and below, at least 0
 * @param padW    zero columns added left and right, at least 0
 */
public record Conv2dParams(int strideH, int strideW, int padH, int padW) {
    public Conv2dParams {
        if (strideH < 1 || strideW < 1 || padH < 0 || padW < 0) {
            throw new InvalidArgumentException(
                    "convolution needs stride >= 1 and padding >= 0, got stride (" + strideH + ", " + strideW
                            + ") padding (" + padH + ", " + padW + ")");
        }
    }

    /** Same stride and padding on both axes. */
    public static Conv2dParams of(int stride, int padding) {
        return new Conv2dParams(stride, stride, padding, padding);
    }
}
