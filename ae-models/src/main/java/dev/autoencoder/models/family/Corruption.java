package dev.autoencoder.models.family;

import dev.autoencoder.api.autodiff.Var;
import dev.autoencoder.models.nn.Forward;

/**
 * The denoising autoencoder's corruptions of the input, drawn in shared code from the pass's generator.
 *
 * @param kind  which noise
 * @param level sigma for Gaussian noise, the probability for masking and salt-and-pepper
 */
public record Corruption(Kind kind, double level) {
    /** The noises of Vincent et al. (2010). */
    public enum Kind {
        /** {@code x + N(0, level^2)}. */
        GAUSSIAN,
        /** Each element set to 0 with probability {@code level}. */
        MASKING,
        /** Each element set to 0 or 1 (equally likely) with probability {@code level}. */
        SALT_AND_PEPPER
    }

    public Corruption {
        if (!(level >= 0) || (kind != Kind.GAUSSIAN && level > 1)) {
            throw new IllegalArgumentException(kind + " corruption level must be in [0, 1] (sigma >= 0 for Gaussian), got " + level);
        }
    }

    /** {@code x} corrupted; the noise is a constant of the tape (no gradient flows into it). */
    public Var apply(Var x, Forward pass) {
        var b = pass.tape().backend();
        var rng = pass.rng();
        return switch (kind) {
            case GAUSSIAN -> x.add(pass.tape().constant(rng.normal(b, x.shape(), x.dtype(), 0, level)));
            case MASKING -> x.mul(pass.tape().constant(rng.bernoulli(b, x.shape(), x.dtype(), 1 - level)));
            case SALT_AND_PEPPER -> {
                Var hit = pass.tape().constant(rng.bernoulli(b, x.shape(), x.dtype(), level));
                Var salt = pass.tape().constant(rng.bernoulli(b, x.shape(), x.dtype(), 0.5));
                yield x.mul(hit.rsub(1)).add(hit.mul(salt));
            }
        };
    }
}
