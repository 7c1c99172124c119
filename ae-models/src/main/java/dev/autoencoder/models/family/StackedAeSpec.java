package dev.autoencoder.models.family;

import dev.autoencoder.data.transform.Noise;
import dev.autoencoder.models.nn.Activation;
import java.util.List;
import java.util.Optional;

/**
 * The stacked autoencoder: an MLP of {@code features -> hidden... -> latent} pretrained greedily layer by layer,
 * then fine-tuned as a whole.
 *
 * @param inputShape {@code [features]}
 * @param hidden     hidden layer sizes, outermost first
 * @param latent     code size
 * @param activation the activation after every encoder layer and every decoder layer but the last
 * @param likelihood the decoder's likelihood
 * @param noise      the corruption of each stage's input during pretraining, or null for none
 */
public record StackedAeSpec(List<Integer> inputShape, List<Integer> hidden, int latent, Activation activation,
        Likelihood likelihood, Noise noise) implements ModelSpec {
    public StackedAeSpec {
        inputShape = SpecChecks.mlp(Family.STACKED_AE, inputShape, hidden, latent, activation, likelihood, 0);
        hidden = List.copyOf(hidden);
    }

    @Override
    public Optional<Noise> trainingNoise() {
        return Optional.ofNullable(noise);
    }
}
