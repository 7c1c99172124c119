package dev.autoencoder.backend.djl;

import ai.djl.ndarray.NDList;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;

/**
 * The forward LSTM cell in ten libtorch calls where the composite of primitives takes fourteen, each of which also
 * passes through the backend's checks and scope: one sigmoid over all four gate blocks, whose g block is then
 * overwritten by its tanh, gives the activations; the cell update runs on views of them, partly in place on the
 * fresh results. The arithmetic is the composite's ({@code c' = f c + i g}, {@code h' = o tanh(c')}).
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
}
