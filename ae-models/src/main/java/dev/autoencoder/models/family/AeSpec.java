package dev.autoencoder.models.family;

import dev.autoencoder.models.nn.Activation;
import java.util.List;

/**
 * The plain autoencoder {@code x_hat = g(f(x))}: an MLP encoder {@code features -> hidden... -> latent} and its
 * mirror as decoder.
 *
 * @param inputShape {@code [features]}
 * @param hidden     hidden layer sizes, outermost first
 * @param latent     code size
 * @param activation the activation after every hidden layer
 * @param likelihood the decoder's likelihood
 * @param dropout    the probability of dropping each hidden activation while training, in [0, 1)
 */
public record AeSpec(List<Integer> inputShape, List<Integer> hidden, int latent, Activation activation, Likelihood likelihood,
        double dropout) implements ModelSpec {
    public AeSpec {
        inputShape = SpecChecks.mlp(Family.AE, inputShape, hidden, latent, activation, likelihood, dropout);
        hidden = List.copyOf(hidden);
    }
}
