package dev.autoencoder.backend.djl;

import ai.djl.Device;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.engine.PtNDManager;
import ai.djl.pytorch.jni.JniUtils;
import dev.autoencoder.api.Conv2dParams;
import dev.autoencoder.api.Shape;
import java.util.function.UnaryOperator;

/**
 * The convolution primitives on libtorch's own kernels. DJL's JNI exposes only the forward convolution.
 * <ul>
 *   <li>The input gradient, and the transposed convolution (which is the input gradient of a convolution), are forward
 *       convolutions of the output gradient spread out by the stride, with the weight flipped and its channels swapped.
 *       libtorch's own {@code convolution_backward} for the input (oneDNN 3.7.1's {@code jit:avx2} and
 *       {@code jit:avx512_core} {@code backward_data}) returned wrong values on a 2-vCPU AMD EPYC virtual machine: every
 *       call on one thread, about one in twenty on two, caught by the conformance suite. Its forward convolutions are
 *       right there.</li>
 *   <li>The weight gradient reaches {@code convolution_backward} through autograd inside the primitive: a zero leaf of
 *       the weight's shape requires a gradient, the forward convolution is recorded, and {@code backward} with the given
 *       output gradient fills the leaf's gradient. The forward pass this costs is the price of libtorch's kernel and
 *       semantics (uneven strides); nothing of the autograd graph outlives the call.</li>
 * </ul>
 */
final class Convolutions {
    private static final ai.djl.ndarray.types.Shape NO_DILATION = new ai.djl.ndarray.types.Shape(1, 1);
    private static final ai.djl.ndarray.types.Shape NO_PADDING = new ai.djl.ndarray.types.Shape(0, 0);

    private final Device device;

    /** Convolutions whose scratch tensors live on {@code device}. */
    Convolutions(Device device) {
        this.device = device;
    }

    /** PyTorch's {@code conv2d(x, weight)} without bias, in {@code x}'s manager. */
    static PtNDArray forward(PtNDArray x, PtNDArray weight, Conv2dParams p) {
        return JniUtils.convolution(x, weight, null, stride(p), padding(p), NO_DILATION, 1);
    }

    /**
     * The gradient of {@code conv2d(input, weight)} with respect to an input of {@code inputShape}, as stride-1 forward
     * convolutions, one per phase of the stride: the input rows {@code y = s q + r} of one phase {@code r} receive only
     * the kernel taps {@code i = (r + pad) mod s + s m}, so their gradient is {@code gradOut} correlated with those taps
     * reversed, after padding (or cropping) it to line up (see {@link Phase}). Each phase's result fills its rows and
     * columns of a zero tensor; every product is one the gradient needs.
     */
    PtNDArray inputGrad(PtNDManager target, PtNDArray gradOut, PtNDArray weight, Shape inputShape, Conv2dParams p) {
        long[] g = gradOut.getShape().getShape();
        long[] k = weight.getShape().getShape();
        PtNDArray grad = JniUtils.createZerosNdArray(target, Transfers.shape(inputShape), gradOut.getDataType(), device,
                SparseFormat.DENSE);
        for (int rh = 0; rh < Math.min(p.strideH(), inputShape.dim(2)); rh++) {
            Phase ph = Phase.of(rh, p.strideH(), p.padH(), k[2], g[2], inputShape.dim(2));
            for (int rw = 0; rw < Math.min(p.strideW(), inputShape.dim(3)); rw++) {
                Phase pw = Phase.of(rw, p.strideW(), p.padW(), k[3], g[3], inputShape.dim(3));
                if (ph.taps() == 0 || pw.taps() == 0) {
                    continue;
                }
                // each phase's scratch goes before the next one's is made: a batch of 500 through W2's last
                // transposed convolution held 300 MB with all four phases' at once
                try (PtNDManager scratch = (PtNDManager) target.newSubManager()) {
                    PtNDArray rows = in(scratch, JniUtils.slice(weight, 2, ph.first(), k[2], p.strideH()));
                    PtNDArray taps = in(scratch, JniUtils.slice(rows, 3, pw.first(), k[3], p.strideW()));
                    PtNDArray reversed = in(scratch, JniUtils.flip(taps, new long[] {2, 3}));
                    PtNDArray swapped = in(scratch, JniUtils.transpose(reversed, 0, 1));
                    long[] lineUp = {pw.before(), pw.after(), ph.before(), ph.after()};
                    PtNDArray padded = in(scratch, JniUtils.pad(gradOut, lineUp, 0));
                    PtNDArray part = in(scratch, JniUtils.convolution(padded, swapped, null, NO_DILATION, NO_PADDING,
                            NO_DILATION, 1));
                    JniUtils.indexSet(grad, part, new long[] {0, 0, rh, rw}, Transfers.shape(inputShape).getShape(),
                            new long[] {1, 1, p.strideH(), p.strideW()});
                }
            }
        }
        return grad;
    }

    /**
     * One phase {@code r} of a stride {@code s} along one axis: the input positions {@code s q + r}, {@code q < outputs},
     * take the kernel taps from {@code first = (r + pad) mod s} in steps of {@code s} ({@code taps} of them), and read
     * the output gradient at {@code q + (r + pad) / s - m} for tap {@code m}: a correlation with the taps reversed once
     * the gradient has {@code before} elements in front (negative crops) and {@code after} behind.
     */
    private record Phase(int first, int taps, long before, long after) {
        static Phase of(int r, int s, int pad, long kernel, long gradLength, long inputLength) {
            int first = (r + pad) % s;
            int taps = (int) Math.max(0, (kernel - first + s - 1) / s);
            long before = taps - 1 - (r + pad) / s;
            long outputs = (inputLength - r + s - 1) / s;
            return new Phase(first, taps, before, outputs + taps - 1 - before - gradLength);
        }
    }

    /** {@code array} moved into {@code scratch}, to be freed with it. */
    private static PtNDArray in(PtNDManager scratch, PtNDArray array) {
        array.attach(scratch);
        return array;
    }

    /** The gradient of {@code conv2d(x, weight)} with respect to a weight of {@code weightShape}. */
    PtNDArray weightGrad(PtNDManager target, PtNDArray x, PtNDArray gradOut, Shape weightShape, Conv2dParams p) {
        return leafGradient(target, gradOut, weightShape, leaf -> forward(x, leaf, p));
    }

    /**
     * The gradient, with respect to a zero leaf of {@code leafShape}, of {@code sum(conv(leaf) * gradOut)}, moved
     * into {@code target}. Grad mode is thread-local in libtorch and restored afterwards.
     */
    private PtNDArray leafGradient(PtNDManager target, PtNDArray gradOut, Shape leafShape, UnaryOperator<PtNDArray> conv) {
        boolean gradMode = JniUtils.isGradMode();
        JniUtils.setGradMode(true);
        try (PtNDManager scratch = (PtNDManager) target.newSubManager()) {
            DataType type = gradOut.getDataType();
            PtNDArray leaf = JniUtils.createZerosNdArray(scratch, Transfers.shape(leafShape), type, device,
                    SparseFormat.DENSE);
            JniUtils.attachGradient(leaf, true);
            PtNDArray out = conv.apply(leaf);
            out.attach(scratch);
            JniUtils.backward(out, gradOut, false, false);
            PtNDArray grad = JniUtils.getGradient(leaf);
            grad.attach(target);
            return grad;
        } finally {
            JniUtils.setGradMode(gradMode);
        }
    }

    private static ai.djl.ndarray.types.Shape stride(Conv2dParams p) {
        return new ai.djl.ndarray.types.Shape(p.strideH(), p.strideW());
    }

    private static ai.djl.ndarray.types.Shape padding(Conv2dParams p) {
        return new ai.djl.ndarray.types.Shape(p.padH(), p.padW());
    }
}
