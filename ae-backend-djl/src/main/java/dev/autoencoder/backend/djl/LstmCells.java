package dev.autoencoder.backend.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;

/**
 * The LSTM cell and its backward in fewer libtorch calls than the composites of primitives (10 instead of 14, 23
 * instead of 29), each of which would also pass through the backend's checks and scope. Forward, one sigmoid over all
 * four gate blocks, whose g block is then overwritten by its tanh, gives the activations; backward, one
 * {@code (1 - a) a} over all four gives the sigmoid slopes, whose g block is then overwritten by tanh's. The rest runs
 * on views of those blocks, in place on fresh results. Every element takes the composites' operations in their order
 * (up to the order of a product's two operands), so the results are theirs, but for an ulp here and there: libtorch's
 * vectorised sigmoid and tanh round a value in a vector's body and in its scalar tail differently, and the whole gate
 * array and a block of it put some values in different places.
 */
final class LstmCells {
    private LstmCells() {
    }

    /** The new hidden state, the new cell state and the activated gates, in that order. */
    static PtNDArray[] forward(PtNDArray gates, PtNDArray cell) {
        long[] shape = cell.getShape().getShape();
        long n = shape[0];
        long h = shape[1];
        PtNDArray activations = JniUtils.sigmoid(gates);
        try (PtNDArray zg = JniUtils.slice(gates, 1, 2 * h, 3 * h, 1); PtNDArray g = JniUtils.tanh(zg)) {
            JniUtils.indexSet(activations, g, new long[] {0, 2 * h}, new long[] {n, 3 * h}, new long[] {1, 1});
        }
        try (NDList blocks = JniUtils.split(activations, h, 1)) {
            PtNDArray newCell = JniUtils.mul((PtNDArray) blocks.get(1), cell);
            try (PtNDArray ig = JniUtils.mul((PtNDArray) blocks.get(0), (PtNDArray) blocks.get(2))) {
                JniUtils.addi(newCell, ig);
            }
            PtNDArray hidden = JniUtils.tanh(newCell);
            JniUtils.muli(hidden, (PtNDArray) blocks.get(3));
            return new PtNDArray[] {hidden, newCell, activations};
        }
    }

    /**
     * The gradients of the pre-activation gates and of {@code cell}, in that order, as {@code TensorBackend.lstmCellBackward}
     * defines them; {@code one} is a scalar 1 of the operands' type.
     */
    static PtNDArray[] backward(PtNDArray activations, PtNDArray cell, PtNDArray newCell, PtNDArray gradHidden,
            PtNDArray gradNewCell, PtNDArray one) {
        long[] shape = cell.getShape().getShape();
        long n = shape[0];
        long h = shape[1];
        try (NDList blocks = JniUtils.split(activations, h, 1); PtNDArray tc = JniUtils.tanh(newCell);
                PtNDArray dc = JniUtils.mul(gradHidden, (PtNDArray) blocks.get(3))) {
            PtNDArray i = (PtNDArray) blocks.get(0);
            PtNDArray g = (PtNDArray) blocks.get(2);
            try (PtNDArray tc2 = JniUtils.mul(tc, tc); PtNDArray slope = JniUtils.sub(one, tc2)) {
                JniUtils.muli(dc, slope);
            }
            JniUtils.addi(dc, gradNewCell);
            PtNDArray gates = JniUtils.sub(one, activations);
            JniUtils.muli(gates, activations);
            try (NDList slopes = JniUtils.split(gates, h, 1)) {
                scale(slopes.get(0), dc, g);
                scale(slopes.get(1), dc, cell);
                scale(slopes.get(3), gradHidden, tc);
            }
            try (PtNDArray dg = JniUtils.mul(dc, i); PtNDArray g2 = JniUtils.mul(g, g); PtNDArray slope = JniUtils.sub(one, g2)) {
                JniUtils.muli(dg, slope);
                JniUtils.indexSet(gates, dg, new long[] {0, 2 * h}, new long[] {n, 3 * h}, new long[] {1, 1});
            }
            return new PtNDArray[] {gates, JniUtils.mul(dc, (PtNDArray) blocks.get(1))};
        }
    }

    /** {@code block *= a b}, in place. */
    private static void scale(NDArray block, PtNDArray a, PtNDArray b) {
        try (PtNDArray product = JniUtils.mul(a, b)) {
            JniUtils.muli((PtNDArray) block, product);
        }
    }
}
