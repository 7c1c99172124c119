package dev.autoencoder.models.family;

import dev.autoencoder.models.nn.Cell;
import java.util.List;

/**
 * The sequence-to-sequence autoencoder of windows of a multivariate series: a recurrent encoder reads the window, its
 * last hidden state (projected by a Linear when {@code latent} differs from {@code hidden}) is the code, and a
 * recurrent decoder fed the code at every step reconstructs the window through a Linear per step. It encodes and
 * reconstructs windows of any length; {@code inputShape} gives the length it trains on and decodes codes to.
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

    /** Whether a Linear projects the encoder's last hidden state to the code (when the sizes differ). */
    public boolean projected() {
        return latent != hidden;
    }
}
