package dev.autoencoder.cli.option;

import java.util.Optional;
import picocli.CommandLine.Option;

/** {@code --patch}: the side of the square an inpainting input is missing. */
public final class PatchOption {
    @Option(names = "--patch", paramLabel = "PIXELS",
            description = "Side of the missing square patch. Default: the model's, else a third of the image side.")
    private Integer patch;

    /** The patch side asked for. */
    public Optional<Integer> value() {
        return Optional.ofNullable(patch);
    }
}
