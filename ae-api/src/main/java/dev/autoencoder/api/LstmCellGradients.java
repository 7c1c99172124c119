package dev.autoencoder.api;

import java.util.List;

/**
 * What the backward of one LSTM cell step ({@link TensorBackend#lstmCellBackward}) produces.
 *
 * @param gates the gradient of the pre-activation gates, {@code [n, 4h]}
 * @param cell  the gradient of the cell state the step started from, {@code [n, h]}
 */
public record LstmCellGradients(Tensor gates, Tensor cell) {
    /**
     * The backward composed from {@code backend}'s primitives, for operands {@link TensorBackend#lstmCellBackward} has
     * checked: its default, and the reference a fused kernel is tested against. Each product and difference is the one
     * the tape would apply, in the same order, to the cell's composite of sigmoids, tanhs, products and a sum.
     */
    public static LstmCellGradients composed(TensorBackend backend, Tensor activations, Tensor cell, Tensor newCell,
            Tensor gradHidden, Tensor gradNewCell) {
        int h = cell.shape().dim(1);
        Tensor i = backend.slice(activations, 1, 0, h);
        Tensor f = backend.slice(activations, 1, h, 2 * h);
        Tensor g = backend.slice(activations, 1, 2 * h, 3 * h);
        Tensor o = backend.slice(activations, 1, 3 * h, 4 * h);
        Tensor one = backend.scalar(1, cell.dtype());
        Tensor tc = backend.tanh(newCell);
        Tensor dc = backend.add(gradNewCell, backend.mul(backend.mul(gradHidden, o), backend.sub(one, backend.mul(tc, tc))));
        Tensor di = backend.mul(backend.mul(dc, g), backend.mul(i, backend.sub(one, i)));
        Tensor df = backend.mul(backend.mul(dc, cell), backend.mul(f, backend.sub(one, f)));
        Tensor dg = backend.mul(backend.mul(dc, i), backend.sub(one, backend.mul(g, g)));
        Tensor dO = backend.mul(backend.mul(gradHidden, tc), backend.mul(o, backend.sub(one, o)));
        return new LstmCellGradients(backend.concat(List.of(di, df, dg, dO), 1), backend.mul(dc, f));
    }
}
