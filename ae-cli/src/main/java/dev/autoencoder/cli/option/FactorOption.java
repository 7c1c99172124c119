package dev.autoencoder.cli.option;

import dev.autoencoder.data.catalog.DataRecipe;
import java.util.Optional;
import picocli.CommandLine.Option;

/** {@code --factor}: how much lower the resolution of a super-resolution input is. */
public final class FactorOption {
    @Option(names = "--factor", paramLabel = "N",
            description = "Resolution reduction (N x N pixel blocks averaged). Default: the model's, else " + DataRecipe.DEFAULT_FACTOR + ".")
    private Integer factor;

    /** The factor asked for. */
    public Optional<Integer> value() {
        return Optional.ofNullable(factor);
    }
}
