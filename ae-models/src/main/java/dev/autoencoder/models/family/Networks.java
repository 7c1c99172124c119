package dev.autoencoder.models.family;

import dev.autoencoder.models.nn.Dense;
import dev.autoencoder.models.nn.Sequential;
import java.util.Optional;

/**
 * The layers of a model's deterministic inference, for exporters that rebuild its graphs outside ae (ONNX): the
 * encoder network, a variational model's posterior heads over it, and the decoder network, whose raw values the
 * likelihood turns into data-space outputs. Dropout layers are identities at inference; nothing drawn at random
 * (noise, a VAE's sample) is part of inference.
 *
 * @param encoder    samples to the code, or for a variational model to the features its heads read (its trunk)
 * @param posterior  a variational model's heads, else empty
 * @param decoder    codes to raw values
 * @param likelihood what turns the decoder's raw values into outputs
 */
public record Networks(Sequential encoder, Optional<Posterior> posterior, Sequential decoder, Likelihood likelihood) {
    /**
     * A variational model's heads over its trunk: the posterior mean, and the log-variance clamped to
     * {@code [logVarMin, logVarMax]}.
     *
     * @param mean      the mean head
     * @param logVar    the log-variance head, before the clamp
     * @param logVarMin the clamp's lower bound
     * @param logVarMax the clamp's upper bound
     */
    public record Posterior(Dense mean, Dense logVar, double logVarMin, double logVarMax) {
    }
}
