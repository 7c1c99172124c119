package dev.autoencoder.models.family;

import dev.autoencoder.api.autodiff.Var;
import dev.autoencoder.models.nn.Forward;

/** A model with a prior to sample from and a likelihood to evaluate: what a variational autoencoder adds. */
public interface Generative {
    /** {@code n} draws from the model: codes from the prior, decoded into data space. */
    Var sample(int n, Forward pass);

    /** An importance-sampled estimate of {@code -log p(x)} per sample, in nats, from {@code k} posterior samples. */
    Var negativeLogLikelihood(Var x, int k, Forward pass);
}
