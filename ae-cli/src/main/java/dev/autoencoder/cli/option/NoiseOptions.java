package dev.autoencoder.cli.option;

import dev.autoencoder.cli.data.NoiseKind;
import java.util.Optional;
import picocli.CommandLine.Option;

/** {@code --noise} and {@code --noise-level}: a denoising autoencoder's corruption. */
public final class NoiseOptions {
    /** The level used when neither the options nor a model give one. */
    public static final double DEFAULT_LEVEL = 0.3;

    @Option(names = "--noise", paramLabel = "KIND",
            description = "Noise: ${COMPLETION-CANDIDATES}. Default: the denoising model's own, else masking.")
    private NoiseKind kind;

    @Option(names = "--noise-level", paramLabel = "LEVEL",
            description = "Sigma of gaussian noise, or the probability of masking and salt-and-pepper. Default: the "
                    + "denoising model's own, else " + DEFAULT_LEVEL + ".")
    private Double level;

    /** The kind asked for. */
    public Optional<NoiseKind> kind() {
        return Optional.ofNullable(kind);
    }

    /** The level asked for. */
    public Optional<Double> level() {
        return Optional.ofNullable(level);
    }

    /** Whether either option was given. */
    public boolean given() {
        return kind != null || level != null;
    }
}
