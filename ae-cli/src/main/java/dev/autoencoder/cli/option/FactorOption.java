package dev.autoencoder.cli.option;

import java.util.Optional;
import picocli.CommandLine.Option;

/** {@code --factor}: how much lower the resolution of a super-resolution input is. */
public final class FactorOption {
    /** The factor used when neither the option nor a model gives one. */
    public static final int DEFAULT = 2;

    @Option(names = "--factor", paramLabel = "N",
            description = "Resolution reduction (N x N pixel blocks averaged). Default: the model's, else " + DEFAULT + ".")
    private Integer factor;

    /** The factor asked for. */
    public Optional<Integer> value() {
        return Optional.ofNullable(factor);
    }
}
