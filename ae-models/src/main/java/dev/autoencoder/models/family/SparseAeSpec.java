package dev.autoencoder.models.family;

import dev.autoencoder.models.nn.Activation;
import java.util.List;

/**
 * The sparse autoencoder {@code L(g(h), x) + weight * penalty(h)}: the plain autoencoder's MLP with a sparsity
 * penalty on its code.
 *
 * @param inputShape {@code [features]}
 * @param hidden     hidden layer sizes, outermost first
 * @param latent     code size
 * @param activation the activation after every hidden layer (and on the code, for the L1 penalty)
 * @param likelihood the decoder's likelihood
 * @param sparsity   the penalty and its weight
 * @param dropout    the probability of dropping each hidden activation while training, in [0, 1)
 */
public record SparseAeSpec(List<Integer> inputShape, List<Integer> hidden, int latent, Activation activation,
        Likelihood likelihood, Sparsity sparsity, double dropout) implements ModelSpec {
    public SparseAeSpec {
        inputShape = SpecChecks.mlp(Family.SPARSE_AE, inputShape, hidden, latent, activation, likelihood, dropout);
        hidden = List.copyOf(hidden);
        SpecChecks.required("sparsity", sparsity);
    }
}
