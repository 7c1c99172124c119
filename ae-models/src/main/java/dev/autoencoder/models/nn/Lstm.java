package dev.autoencoder.models.nn;

import dev.autoencoder.api.autodiff.Functions;
import dev.autoencoder.api.autodiff.LstmState;
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

    /** The gates {@code gi + gh}, summed inside the backend's fused cell ({@link Functions#lstmCell(Var, Var, Var)}). */
    @Override
    protected State step(Var gi, Var gh, State previous) {
        LstmState next = Functions.lstmCell(gi, gh, previous.cell());
        return new State(next.hidden(), next.cell());
    }
}
