package dev.autoencoder.models.family;

import dev.autoencoder.models.nn.Activation;
import java.util.List;

/**
 * The contractive autoencoder {@code L(g(h), x) + lambda ||J_f(x)||_F^2} with the one-layer encoder
 * {@code h = s(W x + b)}, whose Jacobian norm has a closed form for a sigmoid or tanh {@code s}.
 *
 * @param inputShape {@code [features]}
 * @param latent     code size
 * @param activation the encoder's {@code s}: sigmoid or tanh
 * @param likelihood the decoder's likelihood
 * @param lambda     the weight of the Jacobian penalty
 */
public record ContractiveAeSpec(List<Integer> inputShape, int latent, Activation activation, Likelihood likelihood, double lambda)
        implements ModelSpec {
    public ContractiveAeSpec {
        inputShape = SpecChecks.flatInput(Family.CONTRACTIVE_AE, inputShape);
        SpecChecks.code(latent, activation, likelihood);
        if (activation != Activation.SIGMOID && activation != Activation.TANH) {
            throw new IllegalArgumentException("the contractive penalty's closed form needs a sigmoid or tanh encoder, got "
                    + activation);
        }
        SpecChecks.nonNegative("contractive lambda", lambda);
    }
}
