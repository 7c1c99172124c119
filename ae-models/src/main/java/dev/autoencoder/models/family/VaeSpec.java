package dev.autoencoder.models.family;

import dev.autoencoder.models.nn.Activation;
import java.util.List;

/**
 * The variational autoencoder with MLPs: a trunk {@code features -> hidden...}, mean and log-variance heads to
 * the code, and the mirrored decoder.
 *
 * @param inputShape          {@code [features]}
 * @param hidden              hidden layer sizes, outermost first
 * @param latent              code size
 * @param activation          the activation after every hidden layer
 * @param likelihood          the decoder's likelihood
 * @param beta                the weight of the KL term
 * @param reconstructionScale the factor on the mean reconstruction loss
 * @param dropout             the probability of dropping each hidden activation while training, in [0, 1)
 */
public record VaeSpec(List<Integer> inputShape, List<Integer> hidden, int latent, Activation activation, Likelihood likelihood,
        double beta, double reconstructionScale, double dropout) implements VariationalSpec {
    public VaeSpec {
        inputShape = SpecChecks.mlp(Family.VAE, inputShape, hidden, latent, activation, likelihood, dropout);
        hidden = List.copyOf(hidden);
        SpecChecks.variational(beta, reconstructionScale);
    }
}
