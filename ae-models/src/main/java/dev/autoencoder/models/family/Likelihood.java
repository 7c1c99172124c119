package dev.autoencoder.models.family;

import dev.autoencoder.api.autodiff.Functions;
import dev.autoencoder.api.autodiff.Var;
import java.util.Locale;

/**
 * How a decoder's raw output explains the data. Decoders produce raw values; the likelihood turns them into
 * data-space outputs and losses. The Bernoulli case works on logits, which is PyTorch's sigmoid + BCE computed
 * without overflow.
 */
public enum Likelihood {
    /** Data in [0, 1]: sigmoid output, binary cross-entropy. */
    BERNOULLI {
        @Override
        public Var output(Var raw) {
            return raw.sigmoid();
        }

        @Override
        public Var negLogLikelihood(Var raw, Var x) {
            return Functions.bceWithLogits(raw, x);
        }
    },
    /** Real-valued data: identity output, squared error (a unit-variance Gaussian up to constants). */
    GAUSSIAN {
        @Override
        public Var output(Var raw) {
            return raw;
        }

        @Override
        public Var negLogLikelihood(Var raw, Var x) {
            return Functions.squaredError(raw, x).mul(0.5).add(0.5 * Math.log(2 * Math.PI));
        }
    };

    /** The data-space output for raw decoder values. */
    public abstract Var output(Var raw);

    /** {@code -log p(x | raw)} per element. */
    public abstract Var negLogLikelihood(Var raw, Var x);

    /** The reconstruction loss, a mean over every element: BCE, or MSE for the Gaussian case (as in PyTorch). */
    public Var reconstructionLoss(Var raw, Var target) {
        return this == GAUSSIAN ? Functions.mse(raw, target) : negLogLikelihood(raw, target).mean();
    }

    /** The name in options and messages: {@code gaussian}. */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
