package dev.autoencoder.api.kernel;

import java.nio.ByteBuffer;

/**
 * One F32 step of PyTorch's LSTM cell, and its backward, in native memory: each row of the batch in one pass, rows
 * split over threads. It exists because libnd4j and libtorch have no fused cell on the CPU: their composites take 7 to
 * 23 calls a step, and libnd4j's sigmoid is scalar (190 us on a batch of 500 gates of 256; this whole step takes
 * 135 us there, nd4j's composite 470-750). Each element takes the operations of {@code TensorBackend.lstmCell}'s and
 * {@code lstmCellBackward}'s definitions in their order, with {@link VectorMath}'s sigmoid and tanh, so its results are
 * pure's fused cell's. Buffers hold floats in native byte order from index 0 and do not share memory.
 */
public final class OffHeapLstmCell {
    /** Below this many floats of gates per slice the split costs more than it saves. */
    private static final int MIN_SLICE_FLOATS = 1 << 14;

    private static final LstmRows ROWS = LstmRows.best();

    private final Slices slices;

    /** @param threads how many slices a large batch is split into (the backend's compute threads) */
    public OffHeapLstmCell(int threads) {
        this.slices = new Slices(threads);
    }

    /**
     * From the gates {@code inputGates + hiddenGates} ({@code [n, 4h]} each, blocks i, f, g, o, summed in the same pass;
     * {@code hiddenGates} null where the gates come whole) and {@code cell [n, h]}, writes {@code hidden [n, h]},
     * {@code newCell [n, h]} and the activated gates {@code activations [n, 4h]}.
     */
    public void forward(int n, int h, ByteBuffer inputGates, ByteBuffer hiddenGates, ByteBuffer cell, ByteBuffer hidden,
            ByteBuffer newCell, ByteBuffer activations) {
        long units = (long) n * h;
        LstmRows.Forward x = new LstmRows.Forward(h, Slices.floats(inputGates, 4 * units, "the LSTM gates"),
                hiddenGates == null ? null : Slices.floats(hiddenGates, 4 * units, "the LSTM hidden gates"),
                Slices.floats(cell, units, "the LSTM cell state"), Slices.floats(hidden, units, "the LSTM hidden state"),
                Slices.floats(newCell, units, "the new LSTM cell state"),
                Slices.floats(activations, 4 * units, "the LSTM activations"));
        slices.run(n, minRows(h), (r0, r1) -> ROWS.forward(x, r0, r1));
    }

    /**
     * From the forward's {@code activations [n, 4h]}, {@code cell} and {@code newCell [n, h]} and the gradients of the
     * new hidden and cell states, writes the gradients of the pre-activation gates {@code gradGates [n, 4h]} and of
     * {@code cell}, {@code gradCell [n, h]}.
     */
    public void backward(int n, int h, ByteBuffer activations, ByteBuffer cell, ByteBuffer newCell, ByteBuffer gradHidden,
            ByteBuffer gradNewCell, ByteBuffer gradGates, ByteBuffer gradCell) {
        long units = (long) n * h;
        LstmRows.Backward x = new LstmRows.Backward(h, Slices.floats(activations, 4 * units, "the LSTM activations"),
                Slices.floats(cell, units, "the LSTM cell state"), Slices.floats(newCell, units, "the new LSTM cell state"),
                Slices.floats(gradHidden, units, "the hidden state's gradient"),
                Slices.floats(gradNewCell, units, "the new cell state's gradient"),
                Slices.floats(gradGates, 4 * units, "the gates' gradient"), Slices.floats(gradCell, units, "the cell state's gradient"));
        slices.run(n, minRows(h), (r0, r1) -> ROWS.backward(x, r0, r1));
    }

    private static int minRows(int h) {
        return Math.max(1, MIN_SLICE_FLOATS / (4 * Math.max(1, h)));
    }
}
