package dev.autoencoder.cli.command;

import dev.autoencoder.cli.option.FactorOption;
import dev.autoencoder.data.Dataset;
import dev.autoencoder.data.catalog.DataRecipe;
import dev.autoencoder.data.catalog.Degradation;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code ae super-resolve}: samples at lower resolution, restored by the model. */
@Command(name = "super-resolve", header = "Restore a lowered resolution.",
        mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Lower the resolution of images and let the model restore it: print the MSE and PSNR of the "
                + "enlarged low-resolution input and of the output against the originals, and draw super-resolved.png "
                + "(low-res | enlarged | super-resolved | original).",
            "Train the model for it with 'ae train --task super-resolve'."})
public final class SuperResolveCommand extends RestoreCommand {
    @Mixin
    private FactorOption factor;

    @Override
    protected Optional<Degradation> degradation(Dataset raw) {
        Optional<Degradation> trained = model().recipe().flatMap(DataRecipe::degradation)
                .filter(Degradation.LowResolution.class::isInstance);
        return Optional.of(factor.value().<Degradation>map(Degradation.LowResolution::new)
                .or(() -> trained).orElseGet(() -> new Degradation.LowResolution(DataRecipe.DEFAULT_FACTOR)));
    }

    @Override
    protected String outputName() {
        return "super-resolved";
    }
}
