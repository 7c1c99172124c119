package dev.autoencoder.models.family;

import dev.autoencoder.models.nn.Activation;
import java.util.List;

/**
 * The convolutional variational autoencoder: the convolutional autoencoder's trunk with mean and log-variance
 * heads to the code.
 *
 * @param inputShape          {@code [channels, side, side]}, the side a multiple of {@code 2^channels.size()}
 * @param channels            the channels of each stride-2 convolution, outermost first
 * @param latent              code size
 * @param activation          the activation after every convolution
 * @param likelihood          the decoder's likelihood
 * @param beta                the weight of the KL term
 * @param reconstructionScale the factor on the mean reconstruction loss
 */
public record ConvVaeSpec(List<Integer> inputShape, List<Integer> channels, int latent, Activation activation,
        Likelihood likelihood, double beta, double reconstructionScale) implements VariationalSpec {
    public ConvVaeSpec {
        channels = SpecChecks.sizes("channels", channels);
        inputShape = SpecChecks.imageInput(Family.CONV_VAE, inputShape, channels);
        SpecChecks.code(latent, activation, likelihood);
        SpecChecks.variational(beta, reconstructionScale);
    }
}
