package dev.autoencoder.api.kernel;

import java.nio.ByteBuffer;

/**
 * {@link OffHeapLstmCell}'s loops over rows {@code [r0, r1)} of native-ordered float buffers. Each element takes the
 * operations of {@code TensorBackend.lstmCell}'s and {@code lstmCellBackward}'s definitions, in their order, with
 * {@link VectorMath}'s sigmoid and tanh (or, without the Vector API, F64's rounded once).
 */
interface LstmRows {
    /** The Vector API loops when the JVM has the module, else the scalar ones. */
    static LstmRows best() {
        return VectorKernels.best(LstmRows.class, "dev.autoencoder.api.kernel.VectorLstmRows", ScalarLstmRows::new);
    }

    /**
     * Gates {@code [n, 4h]} (blocks i, f, g, o; the sum {@code gates + moreGates} unless {@code moreGates} is null) and
     * the cell {@code [n, h]} in; hidden, new cell and activations out.
     */
    record Forward(int h, ByteBuffer gates, ByteBuffer moreGates, ByteBuffer cell, ByteBuffer hidden, ByteBuffer newCell,
            ByteBuffer activations) {
    }

    /** The forward's activations, cell and new cell and the two incoming gradients in; the gates' and cell's out. */
    record Backward(int h, ByteBuffer activations, ByteBuffer cell, ByteBuffer newCell, ByteBuffer gradHidden,
            ByteBuffer gradNewCell, ByteBuffer gradGates, ByteBuffer gradCell) {
    }

    void forward(Forward x, int r0, int r1);

    void backward(Backward x, int r0, int r1);
}
