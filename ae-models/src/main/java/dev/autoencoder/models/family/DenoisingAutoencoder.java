package dev.autoencoder.models.family;

import dev.autoencoder.api.autodiff.Var;
import dev.autoencoder.models.nn.Forward;
import dev.autoencoder.models.nn.Sequential;

/** Denoising autoencoder (Vincent et al. 2008): {@code L(g(f(corrupt(x))), x)}; the target stays clean. */
public final class DenoisingAutoencoder extends EncoderDecoder {
    private final DenoisingAeSpec spec;

    public DenoisingAutoencoder(DenoisingAeSpec spec, Sequential encoder, Sequential decoder) {
        super(spec, encoder, decoder);
        this.spec = spec;
    }

    @Override
    public Loss loss(Var input, Var target, Forward pass) {
        Var corrupted = pass.training() ? InputNoise.apply(spec.noise(), input, pass) : input;
        return Loss.reconstruction(reconstructionLoss(encode(corrupted, pass), target, pass));
    }
}
