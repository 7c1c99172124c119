package dev.autoencoder.models.nn;

import dev.autoencoder.api.autodiff.Var;

/**
 * Inverted dropout: in training, each element is zeroed with probability {@code p} and the rest scaled by
 * {@code 1/(1-p)}; the mask is drawn in shared code from the pass's generator. Identity at inference.
 *
 * @param p the drop probability, in {@code [0, 1)}
 */
public record Dropout(double p) implements Layer {
    public Dropout {
        if (!(p >= 0 && p < 1)) {
            throw new IllegalArgumentException("dropout probability must be in [0, 1), got " + p);
        }
    }

    @Override
    public Var forward(Var x, Forward pass) {
        if (!pass.training() || p == 0) {
            return x;
        }
        var mask = pass.rng().bernoulli(pass.tape().backend(), x.shape(), x.dtype(), 1 - p);
        return x.mul(pass.tape().constant(mask)).mul(1 / (1 - p));
    }
}
