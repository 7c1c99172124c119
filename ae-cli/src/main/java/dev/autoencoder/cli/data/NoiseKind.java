package dev.autoencoder.cli.data;

import dev.autoencoder.data.transform.GaussianNoise;
import dev.autoencoder.data.transform.MaskingNoise;
import dev.autoencoder.data.transform.SaltAndPepperNoise;
import dev.autoencoder.models.family.Corruption;
import java.util.Locale;

/** The corruptions of a denoising autoencoder, by the names {@code --noise} takes. */
public enum NoiseKind {
    /** Additive Gaussian noise of standard deviation {@code level}, clamped to [0, 1]. */
    GAUSSIAN,
    /** Each value set to 0 with probability {@code level}. */
    MASKING,
    /** Each value set to 0 or 1 with probability {@code level}. */
    SALT_AND_PEPPER;

    /** The model's corruption of this kind (drawn afresh at every training step). */
    public Corruption inModel(double level) {
        return new Corruption(Corruption.Kind.valueOf(name()), level);
    }

    /** The same corruption applied to data arrays (a fixed degraded copy to denoise). */
    public dev.autoencoder.data.transform.Corruption onData(double level) {
        return switch (this) {
            case GAUSSIAN -> GaussianNoise.clamped(level, 0f, 1f);
            case MASKING -> MaskingNoise.of(level);
            case SALT_AND_PEPPER -> SaltAndPepperNoise.of(level);
        };
    }

    /** The kind of a model's corruption. */
    public static NoiseKind of(Corruption.Kind kind) {
        return valueOf(kind.name());
    }

    /** The option value: {@code salt-and-pepper}. */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
