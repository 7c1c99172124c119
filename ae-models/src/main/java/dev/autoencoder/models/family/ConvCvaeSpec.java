package dev.autoencoder.models.family;

import dev.autoencoder.models.nn.Activation;
import java.util.List;

/**
 * The convolutional conditional variational autoencoder: the convolutional VAE's trunk, whose flattened features
 * are concatenated with the one-hot class label before the mean and log-variance heads, and the decoder of
 * {@code [z, onehot(y)]}; the VAE's loss. The label joins after the convolutions rather than as constant input
 * channels: the heads see it all the same, the convolutions stay those of conv-vae, and no batch carries {@code classes}
 * constant images.
 *
 * @param inputShape          {@code [channels, side, side]}, the side a multiple of {@code 2^channels.size()}
 * @param channels            the channels of each stride-2 convolution, outermost first
 * @param latent              code size
 * @param activation          the activation after every convolution
 * @param likelihood          the decoder's likelihood
 * @param beta                the weight of the KL term
 * @param reconstructionScale the factor on the mean reconstruction loss
 * @param classes             the number of classes, at least 2
 */
public record ConvCvaeSpec(List<Integer> inputShape, List<Integer> channels, int latent, Activation activation,
        Likelihood likelihood, double beta, double reconstructionScale, int classes) implements VariationalSpec {
    public ConvCvaeSpec {
        channels = SpecChecks.sizes("channels", channels);
        inputShape = SpecChecks.imageInput(Family.CONV_CVAE, inputShape, channels);
        SpecChecks.code(latent, activation, likelihood);
        SpecChecks.variational(beta, reconstructionScale);
        SpecChecks.classes(classes);
    }
}
