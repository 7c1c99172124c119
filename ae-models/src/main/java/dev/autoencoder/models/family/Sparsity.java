package dev.autoencoder.models.family;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.autoencoder.api.autodiff.Var;
import dev.autoencoder.models.nn.Activation;
import java.util.Locale;

/**
 * The sparse autoencoder's penalty on its code {@code h}: {@code weight * penalty(h)}. Serialised with its
 * {@code kind}, e.g. {@code {"kind":"kl","target":0.05,"weight":0.01}}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({@JsonSubTypes.Type(value = Sparsity.L1.class, name = "l1"), @JsonSubTypes.Type(value = Sparsity.KL.class, name = "kl")})
public sealed interface Sparsity {
    /** The penalty's weight in the loss. */
    double weight();

    /** The unweighted penalty of codes {@code h} ({@code [batch, latent]}), a scalar. */
    Var penalty(Var h);

    /** The penalty's name among the loss terms. */
    String term();

    /** The activation of the code layer, given the model's hidden {@code activation}. */
    Activation codeActivation(Activation activation);

    /** The kinds of penalty. */
    enum Kind {
        L1, KL;

        /** The name in options and messages: {@code kl}. */
        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The L1 activity penalty {@code mean_n sum_j |h_j|}, on codes of the hidden activation. */
    record L1(double weight) implements Sparsity {
        public L1 {
            SpecChecks.nonNegative("sparsity weight", weight);
        }

        @Override
        public Var penalty(Var h) {
            return h.abs().sum(false, 1).mean();
        }

        @Override
        public String term() {
            return "l1";
        }

        @Override
        public Activation codeActivation(Activation activation) {
            return activation;
        }
    }

    /**
     * The KL sparsity penalty {@code sum_j KL(rho || rho_hat_j)} of Ng's notes, where {@code rho_hat_j} is code unit
     * j's mean activation over the batch; the code is a sigmoid, so activations are in (0, 1).
     *
     * @param target the target mean activation {@code rho}, in (0, 1)
     */
    record KL(double target, double weight) implements Sparsity {
        /** Keeps {@code rho_hat} away from 0 and 1, where the penalty is infinite. */
        private static final double RHO_CLAMP = 1e-6;

        public KL {
            if (!(target > 0 && target < 1)) {
                throw new IllegalArgumentException("the kl sparsity target must be in (0, 1), got " + target);
            }
            SpecChecks.nonNegative("sparsity weight", weight);
        }

        @Override
        public Var penalty(Var h) {
            var t = h.tape();
            Var rhoHat = h.mean(false, 0).maximum(t.scalar(RHO_CLAMP, h.dtype())).minimum(t.scalar(1 - RHO_CLAMP, h.dtype()));
            Var rho = t.scalar(target, h.dtype());
            Var oneMinusRho = t.scalar(1 - target, h.dtype());
            return rho.mul(rho.div(rhoHat).log()).add(oneMinusRho.mul(oneMinusRho.div(rhoHat.rsub(1)).log())).sum();
        }

        @Override
        public String term() {
            return "kl_sparsity";
        }

        @Override
        public Activation codeActivation(Activation activation) {
            return Activation.SIGMOID;
        }
    }
}
