package dev.autoencoder.models.family;

import dev.autoencoder.api.autodiff.Var;
import dev.autoencoder.models.nn.Forward;
import dev.autoencoder.models.nn.Module;

/** Something a trainer can minimise: a loss of an input batch and its target, over named parameters. */
public interface Objective extends Module {
    /**
     * The loss of reconstructing {@code target} from {@code input} (the same batch for plain autoencoders, a
     * degraded copy for denoising, super-resolution and inpainting).
     */
    Loss loss(Var input, Var target, Forward pass);
}
