package dev.autoencoder.models.family;

import dev.autoencoder.api.autodiff.Var;
import dev.autoencoder.models.nn.Forward;

/** A model with a prior to sample from and a likelihood to evaluate: what a variational autoencoder adds. */
public interface Generative {
    /** {@code n} draws: codes from the prior, decoded into data space (a conditional model's of its classes in turn). */
    Var sample(int n, Forward pass);

    /**
     * One draw per row of {@code oneHot} {@code [n, classes]}: a code from the prior, decoded under that row's class.
     *
     * @throws IllegalArgumentException when the model is not conditioned on classes
     */
    Var sample(Var oneHot, Forward pass);

    /** An importance-sampled estimate of {@code -log p(x)} per sample, in nats, from {@code k} posterior samples. */
    Var negativeLogLikelihood(Var x, int k, Forward pass);
}
