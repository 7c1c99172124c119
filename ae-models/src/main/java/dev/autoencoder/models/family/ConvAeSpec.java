package dev.autoencoder.models.family;

import dev.autoencoder.models.nn.Activation;
import java.util.List;

/**
 * The convolutional autoencoder: stride-2 convolutions (kernel 3, padding 1) to a dense code, and transposed
 * convolutions back.
 *
 * @param inputShape {@code [channels, side, side]}, the side a multiple of {@code 2^channels.size()}
 * @param channels   the channels of each stride-2 convolution, outermost first
 * @param latent     code size
 * @param activation the activation after every convolution
 * @param likelihood the decoder's likelihood
 */
public record ConvAeSpec(List<Integer> inputShape, List<Integer> channels, int latent, Activation activation, Likelihood likelihood)
        implements ModelSpec {
    public ConvAeSpec {
        channels = SpecChecks.sizes("channels", channels);
        inputShape = SpecChecks.imageInput(Family.CONV_AE, inputShape, channels);
        SpecChecks.code(latent, activation, likelihood);
    }
}
