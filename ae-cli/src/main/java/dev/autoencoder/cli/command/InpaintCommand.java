package dev.autoencoder.cli.command;

import dev.autoencoder.cli.option.PatchOption;
import dev.autoencoder.data.Dataset;
import dev.autoencoder.data.ImageShape;
import dev.autoencoder.data.catalog.DataRecipe;
import dev.autoencoder.data.catalog.Degradation;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code ae inpaint}: a square patch removed from each image, filled in by the model. */
@Command(name = "inpaint", header = "Fill in a missing patch.",
        mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Remove a square patch from each image and let the model fill it in: print the MSE and PSNR of the "
                + "input with its hole and of the output against the originals, and draw inpainted.png "
                + "(input | inpainted | original).",
            "Train the model for it with 'ae train --task inpaint'."})
public final class InpaintCommand extends RestoreCommand {
    @Mixin
    private PatchOption patch;

    @Override
    protected Optional<Degradation> degradation(Dataset raw) {
        Optional<Degradation> trained = model().recipe().flatMap(DataRecipe::degradation)
                .filter(Degradation.MissingPatch.class::isInstance);
        return Optional.of(patch.value().<Degradation>map(Degradation.MissingPatch::new).or(() -> trained)
                .orElseGet(() -> new Degradation.MissingPatch(DataRecipe.defaultPatch(ImageShape.of(raw.sampleShape()).height()))));
    }

    @Override
    protected String outputName() {
        return "inpainted";
    }
}
