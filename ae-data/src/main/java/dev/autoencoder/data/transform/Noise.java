package dev.autoencoder.data.transform;

import dev.autoencoder.data.SampleShapes;
import java.util.Locale;
import java.util.random.RandomGenerator;

/**
 * The noises of a denoising autoencoder (Vincent et al. 2010), and the only implementation of each: the model's
 * corruption at every training step and a fixed noisy copy of data (for {@code ae denoise}) both call
 * {@link #corrupt}, so the same noise with the same generator gives the same corrupted values, value by value in
 * row-major order.
 *
 * <p>Gaussian noise is <em>not</em> clamped: it is the additive isotropic noise of the paper, zero-mean
 * everywhere (a clamp would bias it near 0 and 1), and it is right for data on any scale (standardised features
 * are not in [0, 1]). Images drawn from noisy values are clamped only when they become pixels. Salt-and-pepper
 * noise sets values to 0 or 1, the extremes of data scaled to [0, 1].
 *
 * @param kind  which noise
 * @param level the standard deviation of Gaussian noise, the probability per value of masking and salt-and-pepper
 */
public record Noise(Kind kind, double level) implements Corruption {
    /** The noises; serialised by these names in model specs. */
    public enum Kind {
        /** {@code x + level * N(0, 1)}. */
        GAUSSIAN,
        /** Each value set to 0 with probability {@code level}. */
        MASKING,
        /** Each value set to 0 or 1 (equally likely) with probability {@code level}. */
        SALT_AND_PEPPER;

        /** The lower-case name, e.g. {@code salt-and-pepper}. */
        public String id() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** Checks the level: a finite sigma of at least 0, or a probability. */
    public Noise {
        if (kind == null) {
            throw new IllegalArgumentException("noise needs a kind: gaussian, masking or salt-and-pepper");
        }
        if (kind == Kind.GAUSSIAN ? !(level >= 0) || Double.isInfinite(level) : !(level >= 0 && level <= 1)) {
            throw new IllegalArgumentException(kind.id() + " noise level must be " + (kind == Kind.GAUSSIAN
                    ? "a finite sigma of at least 0" : "a probability in [0, 1]") + ", got " + level);
        }
    }

    /** {@code value} corrupted, drawing from {@code rng}. */
    public double corrupt(double value, RandomGenerator rng) {
        return switch (kind) {
            case GAUSSIAN -> value + level * rng.nextGaussian();
            case MASKING -> rng.nextDouble() < level ? 0 : value;
            case SALT_AND_PEPPER -> rng.nextDouble() < level ? (rng.nextBoolean() ? 1 : 0) : value;
        };
    }

    /** Corrupts every value in place, in order (a model's batch, read in full precision). */
    public void corruptInPlace(double[] values, RandomGenerator rng) {
        for (int i = 0; i < values.length; i++) {
            values[i] = corrupt(values[i], rng);
        }
    }

    @Override
    public void corruptSample(float[] values, int offset, int[] sampleShape, RandomGenerator rng) {
        int end = offset + SampleShapes.size(sampleShape);
        for (int i = offset; i < end; i++) {
            values[i] = (float) corrupt(values[i], rng);
        }
    }

    /** For titles and reports, e.g. {@code masking noise 0.3}. */
    public String describe() {
        return kind.id() + " noise " + level;
    }
}
