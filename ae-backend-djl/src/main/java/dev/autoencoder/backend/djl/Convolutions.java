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
 * The convolution primitives on libtorch's own kernels. DJL's JNI exposes only the forward convolution, so the
 * input gradient, the weight gradient and the transposed convolution (which is the input gradient of a
 * convolution) reach libtorch's {@code convolution_backward} through autograd inside the primitive: a zero leaf of
 * the wanted shape requires a gradient, the forward convolution is recorded, and {@code backward} with the given
 * output gradient fills the leaf's gradient. The forward pass this costs is the price of using libtorch's kernel
 * and semantics exactly (uneven strides, output padding); nothing of the autograd graph outlives the call.
 */
final class Convolutions {
    private static final ai.djl.ndarray.types.Shape NO_DILATION = new ai.djl.ndarray.types.Shape(1, 1);

    private final Device device;

    /** Convolutions whose scratch tensors live on {@code device}. */
    Convolutions(Device device) {
        this.device = device;
    }

    /** PyTorch's {@code conv2d(x, weight)} without bias, in {@code x}'s manager. */
    static PtNDArray forward(PtNDArray x, PtNDArray weight, Conv2dParams p) {
        return JniUtils.convolution(x, weight, null, stride(p), padding(p), NO_DILATION, 1);
    }

    /** The gradient of {@code conv2d(input, weight)} with respect to an input of {@code inputShape}. */
    PtNDArray inputGrad(PtNDManager target, PtNDArray gradOut, PtNDArray weight, Shape inputShape, Conv2dParams p) {
        return leafGradient(target, gradOut, inputShape, leaf -> forward(leaf, weight, p));
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
