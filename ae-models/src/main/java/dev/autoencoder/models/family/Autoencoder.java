package dev.autoencoder.models.family;

import dev.autoencoder.api.autodiff.Var;
import dev.autoencoder.models.nn.Forward;

/** An autoencoder: an encoder to a code, a decoder back to data space, and its training objective. */
public interface Autoencoder extends Objective {
    /** The value this model was built from, which rebuilds it. */
    ModelSpec spec();

    /** The code of {@code x} (a VAE returns the posterior mean, so embeddings are deterministic). */
    Var encode(Var x, Forward pass);

    /** Data-space output for codes {@code z} (probabilities for a Bernoulli decoder). */
    Var decode(Var z, Forward pass);

    /** {@code decode(encode(x))}. */
    default Var reconstruct(Var x, Forward pass) {
        return decode(encode(x, pass), pass);
    }
}
