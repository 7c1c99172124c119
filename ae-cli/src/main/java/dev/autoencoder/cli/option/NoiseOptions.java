package dev.autoencoder.cli.option;

import dev.autoencoder.data.transform.Noise;
import picocli.CommandLine.Option;

/** {@code --noise} and {@code --noise-level}: a denoising autoencoder's corruption. */
public final class NoiseOptions {
    /** The level used when neither the options nor a model give one. */
    public static final double DEFAULT_LEVEL = 0.3;

    @Option(names = "--noise", paramLabel = "KIND", completionCandidates = Choices.NoiseKinds.class,
            description = "Noise: ${COMPLETION-CANDIDATES}. Default: the denoising model's own, else masking.")
    Noise.Kind kind;

    @Option(names = "--noise-level", paramLabel = "LEVEL",
            description = "Sigma of gaussian noise (added as it is, not clamped), or the probability of masking and salt-and-pepper. Default: the "
                    + "denoising model's own, else " + DEFAULT_LEVEL + ".")
    Double level;

    /**
     * The noise asked for, completed by {@code base} (a model's own noise, or null): its kind and level where the
     * options give none, else masking and {@link #DEFAULT_LEVEL}.
     */
    public Noise noise(Noise base) {
        return new Noise(kind != null ? kind : base != null ? base.kind() : Noise.Kind.MASKING,
                level != null ? level : base != null ? base.level() : DEFAULT_LEVEL);
    }
}
