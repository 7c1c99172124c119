package dev.autoencoder.cli.command;

import dev.autoencoder.cli.option.NoiseOptions;
import dev.autoencoder.data.Dataset;
import dev.autoencoder.data.catalog.Degradation;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code ae denoise}: noise added to samples, removed by the model. */
@Command(name = "denoise", header = "Remove added noise.",
        mixinStandardHelpOptions = true, sortOptions = false,
        description = "Add noise to samples and let the model remove it: print the MSE and PSNR of the noisy input and "
                + "of the output against the originals, and draw denoised.png (noisy input | denoised | original). "
                + "Best with a denoising-ae.")
public final class DenoiseCommand extends RestoreCommand {
    @Mixin
    private NoiseOptions noise;

    @Override
    protected Optional<Degradation> degradation(Dataset raw) {
        return Optional.of(new Degradation.AddedNoise(noise.noise(model().model().spec().trainingNoise().orElse(null))));
    }

    @Override
    protected String outputName() {
        return "denoised";
    }
}
