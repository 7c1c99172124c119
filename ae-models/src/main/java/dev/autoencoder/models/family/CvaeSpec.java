package dev.autoencoder.models.family;

import dev.autoencoder.models.nn.Activation;
import java.util.List;

/**
 * The conditional variational autoencoder with MLPs (Sohn et al. 2015): the VAE's, with the one-hot class label
 * concatenated to the encoder's input {@code [x, onehot(y)]} and to the decoder's input {@code [z, onehot(y)]}; the
 * VAE's loss.
 *
 * @param inputShape          {@code [features]}
 * @param hidden              hidden layer sizes, outermost first
 * @param latent              code size
 * @param activation          the activation after every hidden layer
 * @param likelihood          the decoder's likelihood
 * @param beta                the weight of the KL term
 * @param reconstructionScale the factor on the mean reconstruction loss
 * @param dropout             the probability of dropping each hidden activation while training, in [0, 1)
 * @param classes             the number of classes, at least 2
 */
public record CvaeSpec(List<Integer> inputShape, List<Integer> hidden, int latent, Activation activation, Likelihood likelihood,
        double beta, double reconstructionScale, double dropout, int classes) implements VariationalSpec {
    public CvaeSpec {
        inputShape = SpecChecks.mlp(Family.CVAE, inputShape, hidden, latent, activation, likelihood, dropout);
        hidden = List.copyOf(hidden);
        SpecChecks.variational(beta, reconstructionScale);
        SpecChecks.classes(classes);
    }
}
