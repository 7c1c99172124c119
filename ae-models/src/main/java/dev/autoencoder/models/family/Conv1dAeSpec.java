package dev.autoencoder.models.family;

import dev.autoencoder.models.nn.Activation;
import java.util.List;

/**
 * The 1-D convolutional autoencoder of windows of a multivariate series: stride-2 {@code Conv1d}s (kernel {@code k},
 * padding {@code k / 2}, each halving the steps) with an activation, the feature map flattened and projected by a
 * Linear to a code of {@code latent} values, and back through a Linear, stride-2 {@code ConvTranspose1d}s with an
 * activation and a last stride-1 {@code Conv1d} to raw values. The code is a vector, as every family's is, so that
 * codes, decoding, anomaly scores and ONNX export work as for the other families; in exchange the model takes windows
 * of exactly {@code inputShape}'s length.
 *
 * @param inputShape {@code [channels, steps]}, channel-major as PyTorch's {@code Conv1d} takes them and as
 *                   {@code SlidingWindows} cuts them; the steps a multiple of {@code 2^channels.size()}
 * @param channels   the output channels of each stride-2 convolution, outermost first
 * @param kernel     the kernel size of every convolution, odd, so that padding {@code k / 2} keeps the halving exact
 * @param latent     code size
 * @param activation the activation after every convolution but the last
 * @param likelihood the likelihood of every value (Gaussian: MSE; Bernoulli: BCE)
 */
public record Conv1dAeSpec(List<Integer> inputShape, List<Integer> channels, int kernel, int latent, Activation activation,
        Likelihood likelihood) implements ModelSpec {
    public Conv1dAeSpec {
        channels = SpecChecks.sizes("channels", channels);
        inputShape = SpecChecks.windowInput(Family.CONV1D_AE, inputShape, channels);
        SpecChecks.oddKernel(kernel);
        SpecChecks.code(latent, activation, likelihood);
    }
}
