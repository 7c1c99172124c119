package dev.autoencoder.models.nn;

import dev.autoencoder.api.autodiff.Var;

/**
 * PyTorch's {@code nn.LSTM(input, hidden, batch_first=True)} of one layer: gates in PyTorch's order i, f, g, o,
 * {@code c' = f c + i g} and {@code h' = o tanh(c')}, from zero hidden and cell states.
 */
public final class Lstm extends Recurrent {
    /** An LSTM from {@code inputSize} features to {@code hiddenSize}, initialised as PyTorch does. */
    public Lstm(int inputSize, int hiddenSize, Init init) {
        super(inputSize, hiddenSize, 4, init);
    }

    @Override
    protected State step(Var gi, Var gh, State previous) {
        Var gates = gh.add(gi);
        Var i = gate(gates, 0).sigmoid();
        Var f = gate(gates, 1).sigmoid();
        Var g = gate(gates, 2).tanh();
        Var o = gate(gates, 3).sigmoid();
        Var c = f.mul(previous.cell()).add(i.mul(g));
        return new State(o.mul(c.tanh()), c);
    }
}
