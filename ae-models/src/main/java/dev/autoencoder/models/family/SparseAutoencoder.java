package dev.autoencoder.models.family;

import dev.autoencoder.api.autodiff.Var;
import dev.autoencoder.models.nn.Forward;
import dev.autoencoder.models.nn.Sequential;

/**
 * Sparse autoencoder: {@code L(g(h), x) + weight * penalty(h)}, with the {@link Sparsity} of its spec: an L1
 * activity penalty or the KL sparsity penalty of Ng's notes on the code {@code h}.
 */
public final class SparseAutoencoder extends EncoderDecoder {
    private final Sparsity sparsity;

    public SparseAutoencoder(SparseAeSpec spec, Sequential encoder, Sequential decoder) {
        super(spec, encoder, decoder);
        this.sparsity = spec.sparsity();
    }

    @Override
    public Loss loss(Var input, Var target, Forward pass) {
        Var h = encode(input, pass);
        return Loss.penalised(reconstructionLoss(h, target, pass), sparsity.term(), sparsity.penalty(h).mul(sparsity.weight()));
    }
}
