package dev.autoencoder.models.family;

import dev.autoencoder.api.autodiff.Var;
import dev.autoencoder.models.nn.Forward;
import dev.autoencoder.models.nn.Sequential;

/**
 * Sparse autoencoder: {@code L(g(h), x) + weight * penalty(h)}, with either an L1 activity penalty
 * {@code mean_n sum_j |h_j|} or the KL sparsity penalty {@code sum_j KL(rho || rho_hat_j)} of Ng's notes, where
 * {@code rho_hat_j} is code unit j's mean activation over the batch (codes in (0, 1), e.g. sigmoid).
 */
public final class SparseAutoencoder extends EncoderDecoder {
    /** Keeps {@code rho_hat} away from 0 and 1, where the KL penalty is infinite. */
    private static final double RHO_CLAMP = 1e-6;

    private final double weight;
    private final double target;

    /**
     * @param weight the penalty's weight
     * @param target the KL penalty's target mean activation {@code rho} in (0, 1), or 0 for the L1 penalty
     */
    public SparseAutoencoder(ModelSpec spec, Sequential encoder, Sequential decoder, double weight, double target) {
        super(spec, encoder, decoder);
        if (!(target >= 0 && target < 1)) {
            throw new IllegalArgumentException("sparsity target must be in (0, 1), or 0 for the L1 penalty, got " + target);
        }
        this.weight = weight;
        this.target = target;
    }

    @Override
    public Loss loss(Var input, Var targetBatch, Forward pass) {
        Var h = encode(input, pass);
        Var penalty = target == 0 ? h.abs().sum(false, 1).mean() : klSparsity(h);
        return Loss.penalised(reconstructionLoss(h, targetBatch, pass), target == 0 ? "l1" : "kl_sparsity", penalty.mul(weight));
    }

    private Var klSparsity(Var h) {
        var t = h.tape();
        Var rhoHat = h.mean(false, 0).maximum(t.scalar(RHO_CLAMP, h.dtype())).minimum(t.scalar(1 - RHO_CLAMP, h.dtype()));
        Var rho = t.scalar(target, h.dtype());
        Var oneMinusRho = t.scalar(1 - target, h.dtype());
        Var kl = rho.mul(rho.div(rhoHat).log()).add(oneMinusRho.mul(oneMinusRho.div(rhoHat.rsub(1)).log()));
        return kl.sum();
    }
}
