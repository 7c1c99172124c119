package dev.autoencoder.data.catalog;

import dev.autoencoder.data.Dataset;
import dev.autoencoder.data.transform.Downscale;
import dev.autoencoder.data.transform.Noise;
import dev.autoencoder.data.transform.Occlusion;
import java.util.random.RandomGenerator;

/**
 * What a restoring job undoes: noise (denoising), lower resolution (super-resolution) or a missing patch
 * (inpainting). Applied to images scaled to [0, 1]; the result has the input's shape, so the model can take it.
 */
public sealed interface Degradation {
    /** A degraded copy of {@code clean}, drawing any randomness from {@code rng}. */
    Dataset apply(Dataset clean, RandomGenerator rng);

    /** For titles and reports, e.g. {@code masking noise 0.3}. */
    String describe();

    private static void requireAtLeast(int min, int value, String setting) {
        if (value < min) {
            throw new IllegalArgumentException(setting + " must be at least " + min + ", got " + value);
        }
    }

    /**
     * Noise of a denoising autoencoder, the same {@link Noise} the model adds when it trains.
     *
     * @param noise the noise
     */
    record AddedNoise(Noise noise) implements Degradation {
        @Override
        public Dataset apply(Dataset clean, RandomGenerator rng) {
            return noise.apply(clean, rng);
        }

        @Override
        public String describe() {
            return noise.describe();
        }
    }

    /**
     * Resolution reduced by averaging {@code factor x factor} blocks, enlarged back (blocky) to the input size.
     *
     * @param factor the reduction factor, at least 2
     */
    record LowResolution(int factor) implements Degradation {
        public LowResolution {
            requireAtLeast(2, factor, "the super-resolution factor");
        }

        @Override
        public Dataset apply(Dataset clean, RandomGenerator rng) {
            return Downscale.keepingSize(factor).apply(clean);
        }

        /** The low-resolution images themselves ({@code 1/factor} of the size). */
        public Dataset small(Dataset clean) {
            return Downscale.by(factor).apply(clean);
        }

        @Override
        public String describe() {
            return factor + "x lower resolution";
        }
    }

    /**
     * One square patch per image set to 0, at a random position.
     *
     * @param patch the patch's side in pixels
     */
    record MissingPatch(int patch) implements Degradation {
        public MissingPatch {
            requireAtLeast(1, patch, "the inpainting patch side");
        }

        @Override
        public Dataset apply(Dataset clean, RandomGenerator rng) {
            return Occlusion.square(patch).apply(clean, rng);
        }

        @Override
        public String describe() {
            return patch + "x" + patch + " missing patch";
        }
    }
}
