package dev.autoencoder.models.nn;

import dev.autoencoder.api.autodiff.Var;

/**
 * PyTorch's {@code nn.GRU(input, hidden, batch_first=True)} of one layer: gates in PyTorch's order r, z, n, with the
 * reset gate applied to the hidden part of the candidate, {@code n = tanh(W_in x + b_in + r (W_hn h + b_hn))}, and
 * {@code h' = (h - n) z + n}, PyTorch's arrangement of {@code (1 - z) n + z h}; from a zero hidden state.
 */
public final class Gru extends Recurrent {
    /** A GRU from {@code inputSize} features to {@code hiddenSize}, initialised as PyTorch does. */
    public Gru(int inputSize, int hiddenSize, Init init) {
        super(inputSize, hiddenSize, 3, init);
    }

    @Override
    protected State step(Var gi, Var gh, State previous) {
        Var r = gate(gh, 0).add(gate(gi, 0)).sigmoid();
        Var z = gate(gh, 1).add(gate(gi, 1)).sigmoid();
        Var n = gate(gi, 2).add(gate(gh, 2).mul(r)).tanh();
        return new State(previous.hidden().sub(n).mul(z).add(n), null);
    }
}
