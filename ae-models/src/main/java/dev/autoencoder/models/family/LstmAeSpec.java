package dev.autoencoder.models.family;

import dev.autoencoder.models.nn.Cell;
import java.util.List;

/**
 * The sequence-to-sequence autoencoder of windows of a multivariate series: a recurrent encoder reads the window, its
 * last hidden state (projected by a Linear when {@code latent} differs from {@code hidden}) is the code; the code
 * (projected back to {@code hidden} by a Linear when it was projected) is repeated over the steps as the input of a
 * recurrent decoder of {@code hidden} features, and a Linear per step turns the decoder's states into the window. It
 * encodes and reconstructs windows of any length; {@code inputShape} gives the length it trains on and decodes codes
 * to. Benchmark W4 of WORKLOADS.md is {@code [64, 8]}, LSTM, hidden 64, latent 16, Gaussian.
 *
 * @param inputShape {@code [steps, channels]}
 * @param cell       the recurrent cell of encoder and decoder (PyTorch's {@code nn.LSTM} or {@code nn.GRU})
 * @param hidden     the hidden size of encoder and decoder
 * @param latent     code size
 * @param likelihood the likelihood of every step's values (Gaussian: MSE; Bernoulli: BCE)
 */
public record LstmAeSpec(List<Integer> inputShape, Cell cell, int hidden, int latent, Likelihood likelihood) implements ModelSpec {
    public LstmAeSpec {
        inputShape = SpecChecks.seriesInput(Family.LSTM_AE, inputShape, "[steps, channels]");
        SpecChecks.required("cell", cell);
        SpecChecks.sizes("hidden size", List.of(hidden));
        SpecChecks.required("likelihood", likelihood);
        SpecChecks.latent(latent);
    }

    /** The window length it trains on and decodes codes to. */
    public int steps() {
        return inputShape.get(0);
    }

    /** Values per step. */
    public int channels() {
        return inputShape.get(1);
    }

    /** Windows of any length (at least one step) with the model's channels. */
    @Override
    public boolean takes(int[] sampleShape) {
        return sampleShape.length == 2 && sampleShape[0] >= 1 && sampleShape[1] == channels();
    }

    /** Whether Linears project the encoder's last hidden state to the code and the code back (when the sizes differ). */
    public boolean projected() {
        return latent != hidden;
    }
}
