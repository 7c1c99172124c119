package dev.autoencoder.cli.option;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --checkpoint}: the model to use. */
public final class CheckpointOption {
    @Option(names = "--checkpoint", paramLabel = "FILE", required = true,
            description = "A model checkpoint (.safetensors), or a run folder (its best.safetensors, else model.safetensors).")
    private Path path;

    /** The file or folder given. */
    public Path path() {
        return path;
    }
}
