package dev.autoencoder.api.autodiff;

/**
 * The states an LSTM cell step produces on the tape ({@link Functions#lstmCell}).
 *
 * @param hidden the new hidden state, {@code [n, h]}
 * @param cell   the new cell state, {@code [n, h]}
 */
public record LstmState(Var hidden, Var cell) {
}
