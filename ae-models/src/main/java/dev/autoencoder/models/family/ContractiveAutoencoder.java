package dev.autoencoder.models.family;

import dev.autoencoder.api.autodiff.Var;
import dev.autoencoder.models.nn.Activation;
import dev.autoencoder.models.nn.Dense;
import dev.autoencoder.models.nn.Forward;
import dev.autoencoder.models.nn.Sequential;

/**
 * Contractive autoencoder (Rifai et al. 2011) with a one-layer sigmoid or tanh encoder {@code h = s(W x + b)}:
 * {@code L(g(h), x) + lambda ||J_f(x)||_F^2}, where the Jacobian norm has the closed form
 * {@code sum_j s'(a_j)^2 sum_i W_ji^2}, averaged over the batch. No second-order autodiff is needed.
 */
public final class ContractiveAutoencoder extends EncoderDecoder {
    private final ContractiveAeSpec spec;
    private final Dense layer;

    /** The encoder {@code s(W x + b)} of {@code layer} and the spec's activation, and {@code decoder}. */
    public ContractiveAutoencoder(ContractiveAeSpec spec, Dense layer, Sequential decoder) {
        super(spec, Sequential.of(layer, spec.activation()), decoder);
        this.spec = spec;
        this.layer = layer;
    }

    @Override
    public Loss loss(Var input, Var target, Forward pass) {
        Var h = encode(input, pass);
        Var slope = spec.activation() == Activation.SIGMOID ? h.mul(h.rsub(1)) : h.square().rsub(1);
        Var rowNorms = pass.param(layer.weight()).square().sum(false, 1);
        Var jacobianNorm = slope.square().mul(rowNorms).sum(false, 1).mean();
        return Loss.penalised(reconstructionLoss(h, target, pass), "contractive", jacobianNorm.mul(spec.lambda()));
    }
}
