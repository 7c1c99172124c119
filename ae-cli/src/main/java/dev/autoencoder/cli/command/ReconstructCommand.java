package dev.autoencoder.cli.command;

import dev.autoencoder.data.Dataset;
import dev.autoencoder.data.catalog.Degradation;
import java.util.Optional;
import picocli.CommandLine.Command;

/** {@code ae reconstruct}: inputs beside the model's reconstructions, and the reconstruction error. */
@Command(name = "reconstruct", header = "Reconstructions and their error.",
        mixinStandardHelpOptions = true, sortOptions = false,
        description = "Reconstruct samples: print the MSE and PSNR against the inputs and draw reconstructed.png "
                + "(input | reconstruction).")
public final class ReconstructCommand extends RestoreCommand {
    @Override
    protected Optional<Degradation> degradation(Dataset raw) {
        return Optional.empty();
    }

    @Override
    protected String pictureName() {
        return "reconstructed.png";
    }

    @Override
    protected String outputName() {
        return "reconstruction";
    }
}
