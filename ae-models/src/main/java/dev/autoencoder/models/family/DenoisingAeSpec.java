package dev.autoencoder.models.family;

import dev.autoencoder.data.transform.Noise;
import dev.autoencoder.models.nn.Activation;
import java.util.List;
import java.util.Optional;

/**
 * The denoising autoencoder {@code L(g(f(corrupt(x))), x)}: the plain autoencoder's MLP, trained on corrupted
 * inputs and clean targets.
 *
 * @param inputShape {@code [features]}
 * @param hidden     hidden layer sizes, outermost first
 * @param latent     code size
 * @param activation the activation after every hidden layer
 * @param likelihood the decoder's likelihood
 * @param noise      the corruption of the input while training
 * @param dropout    the probability of dropping each hidden activation while training, in [0, 1)
 */
public record DenoisingAeSpec(List<Integer> inputShape, List<Integer> hidden, int latent, Activation activation,
        Likelihood likelihood, Noise noise, double dropout) implements ModelSpec {
    public DenoisingAeSpec {
        inputShape = SpecChecks.mlp(Family.DENOISING_AE, inputShape, hidden, latent, activation, likelihood, dropout);
        hidden = List.copyOf(hidden);
        SpecChecks.required("noise (the denoising autoencoder's corruption)", noise);
    }

    @Override
    public Optional<Noise> trainingNoise() {
        return Optional.of(noise);
    }
}
