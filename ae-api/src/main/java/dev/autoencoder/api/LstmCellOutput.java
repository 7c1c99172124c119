package dev.autoencoder.api;

import java.util.List;

/**
 * What one step of an LSTM cell ({@link TensorBackend#lstmCell}) produces.
 *
 * @param hidden      the new hidden state {@code h' = o tanh(c')}, {@code [n, h]}
 * @param cell        the new cell state {@code c' = f c + i g}, {@code [n, h]}
 * @param activations the activated gates {@code [i, f, g, o]} side by side, {@code [n, 4h]}: what the backward reads
 */
public record LstmCellOutput(Tensor hidden, Tensor cell, Tensor activations) {
    /**
     * The step composed from {@code backend}'s primitives, for operands {@link TensorBackend#lstmCell} has checked: its
     * default, and the reference a fused kernel is tested against.
     */
    public static LstmCellOutput composed(TensorBackend backend, Tensor gates, Tensor cell) {
        int h = cell.shape().dim(1);
        Tensor i = backend.sigmoid(backend.slice(gates, 1, 0, h));
        Tensor f = backend.sigmoid(backend.slice(gates, 1, h, 2 * h));
        Tensor g = backend.tanh(backend.slice(gates, 1, 2 * h, 3 * h));
        Tensor o = backend.sigmoid(backend.slice(gates, 1, 3 * h, 4 * h));
        Tensor newCell = backend.add(backend.mul(f, cell), backend.mul(i, g));
        return new LstmCellOutput(backend.mul(o, backend.tanh(newCell)), newCell, backend.concat(List.of(i, f, g, o), 1));
    }
}
