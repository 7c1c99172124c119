package dev.autoencoder.backend.nd4j;

import dev.autoencoder.api.Conv2dParams;
import dev.autoencoder.api.Shape;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * PyTorch's 2-D convolution and its gradients on libnd4j's kernels ({@code conv2d}, {@code conv2d_bp},
 * {@code deconv2d}), NCHW with PyTorch's weight layouts. Operand shapes are validated by the caller.
 *
 * <p>libnd4j's {@code deconv2d} (the input gradient of a convolution) produces {@code (oh - 1) s - 2p + k} rows,
 * while the convolution's input may be up to {@code s - 1} rows taller when the stride does not divide evenly; some
 * of those rows are still read by the convolution (through the bottom padding), so zero-filling them would be
 * wrong. Instead, the gradient gets one extra zero row (and column), which contributes nothing but makes
 * {@code deconv2d} produce enough rows, and the result is cut to the input's shape. The same handles PyTorch's
 * transposed convolution with output padding.
 */
final class Convolutions {
    private static final int SAME_MODE_OFF = 0;
    private static final int NCHW = 0;
    /** {@code [out, in, kh, kw]} for {@code conv2d}, {@code [in, out, kh, kw]} for {@code deconv2d}. */
    private static final int TORCH_WEIGHTS = 1;
    /**
     * Bytes of columns ({@code [n, out, kh, kw, h, w]}) that one {@code deconv2d} call may unfold its batch into; a
     * larger batch is cut into that many calls over consecutive images. W2's last transposed convolution (64 to 32
     * channels, 16x16 to 32x32) took 142 ms on a batch of 500 at once (147 MB of columns, 33 GFLOP/s) and 34-44 ms in
     * chunks of 50-250 (106-140 GFLOP/s). A training batch of 100 stays one call.
     */
    private static final long COLUMNS_BYTES = 64L << 20;

    private final Kernels kernels;
    private final long columnsBytes;

    Convolutions(Kernels kernels) {
        this(kernels, COLUMNS_BYTES);
    }

    /** Convolutions whose {@code deconv2d} calls unfold at most {@code columnsBytes} of columns (tests cut small batches). */
    Convolutions(Kernels kernels, long columnsBytes) {
        this.kernels = kernels;
        this.columnsBytes = columnsBytes;
    }

    /** libnd4j's integer arguments for a kernel of {@code kh x kw} with the given stride and padding. */
    private static long[] args(int kh, int kw, Conv2dParams p) {
        return new long[] {kh, kw, p.strideH(), p.strideW(), p.padH(), p.padW(), 1, 1, SAME_MODE_OFF, NCHW, TORCH_WEIGHTS};
    }

    private static long[] args(Shape weight, Conv2dParams p) {
        return args(weight.dim(2), weight.dim(3), p);
    }

    /** {@code x [n, c, h, w]} correlated with {@code weight [o, c, kh, kw]} into a new array of shape {@code out}. */
    INDArray conv2d(INDArray x, INDArray weight, Shape weightShape, Conv2dParams p, Shape out) {
        INDArray z = NdArrays.uninitialized(out, x.dataType());
        kernels.run("conv2d", z, args(weightShape, p), x, weight);
        return z;
    }

    /** The weight gradient {@code [o, c, kh, kw]} of a convolution of {@code x} given {@code gradOut}. */
    INDArray weightGrad(INDArray x, Shape xShape, INDArray gradOut, Shape weightShape, Conv2dParams p) {
        try (Temporaries tmp = new Temporaries()) {
            INDArray gradW = NdArrays.uninitialized(weightShape, x.dataType());
            // conv2d_bp also computes the input gradient, which needs weights: zeros keep that wasted work finite
            INDArray weight = tmp.add(NdArrays.filled(weightShape, x.dataType(), 0.0));
            INDArray gradIn = tmp.add(NdArrays.uninitialized(xShape, x.dataType()));
            kernels.run("conv2d_bp", new INDArray[] {gradIn, gradW}, new INDArray[] {x, weight, gradOut},
                    args(weightShape, p), new double[0], new boolean[0]);
            return gradW;
        }
    }

    /**
     * The input gradient {@code inputShape = [n, c, h, w]} of a convolution with {@code weight [o, c, kh, kw]} given
     * {@code gradOut [n, o, oh, ow]}.
     */
    INDArray inputGrad(INDArray gradOut, Shape gradShape, INDArray weight, Shape weightShape, Shape inputShape,
            Conv2dParams p) {
        int extraH = (inputShape.dim(2) + 2 * p.padH() - weightShape.dim(2)) % p.strideH() > 0 ? 1 : 0;
        int extraW = (inputShape.dim(3) + 2 * p.padW() - weightShape.dim(3)) % p.strideW() > 0 ? 1 : 0;
        if (extraH == 0 && extraW == 0) {
            return deconv(gradOut, weight, weightShape, p, inputShape);
        }
        try (Temporaries tmp = new Temporaries()) {
            Shape padded = Shape.of(gradShape.dim(0), gradShape.dim(1), gradShape.dim(2) + extraH, gradShape.dim(3) + extraW);
            INDArray g = tmp.add(NdArrays.uninitialized(padded, gradOut.dataType()));
            INDArray paddings = tmp.add(Nd4j.createFromArray(new int[][] {{0, 0}, {0, 0}, {0, extraH}, {0, extraW}}));
            kernels.run("pad", g, new long[] {0}, gradOut, paddings);
            Shape full = Shape.of(inputShape.dim(0), inputShape.dim(1),
                    (padded.dim(2) - 1) * p.strideH() - 2 * p.padH() + weightShape.dim(2),
                    (padded.dim(3) - 1) * p.strideW() - 2 * p.padW() + weightShape.dim(3));
            INDArray d = tmp.add(deconv(g, weight, weightShape, p, full));
            INDArray z = NdArrays.uninitialized(inputShape, gradOut.dataType());
            kernels.run("slice", z, new long[] {0, 0, 0, 0, inputShape.dim(0), inputShape.dim(1), inputShape.dim(2),
                inputShape.dim(3)}, d);
            return z;
        }
    }

    /** libnd4j's {@code deconv2d} of {@code x [n, in, h, w]}, in chunks of images whose columns fit the budget. */
    private INDArray deconv(INDArray x, INDArray weight, Shape weightShape, Conv2dParams p, Shape out) {
        INDArray z = NdArrays.uninitialized(out, x.dataType());
        long n = out.dim(0);
        long columnsPerImage = (long) weightShape.dim(1) * weightShape.dim(2) * weightShape.dim(3) * x.size(2) * x.size(3)
                * x.dataType().width();
        long chunks = Math.min(n, (n * columnsPerImage + columnsBytes - 1) / columnsBytes);
        long[] args = args(weightShape, p);
        if (chunks <= 1) {
            kernels.run("deconv2d", z, args, x, weight);
            return z;
        }
        long per = (n + chunks - 1) / chunks;
        for (long from = 0; from < n; from += per) {
            long to = Math.min(n, from + per);
            kernels.run("deconv2d", z.get(NDArrayIndex.interval(from, to)), args, x.get(NDArrayIndex.interval(from, to)),
                    weight);
        }
        return z;
    }
}
