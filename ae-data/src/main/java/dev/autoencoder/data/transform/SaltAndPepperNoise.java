package dev.autoencoder.data.transform;

import dev.autoencoder.data.SampleShapes;
import java.util.random.RandomGenerator;

/**
 * Salt-and-pepper noise: each value independently, with probability {@code p}, is replaced by
 * {@code low} or {@code high} (each equally likely).
 *
 * @param p the probability of replacing a value, in [0, 1]
 * @param low the "pepper" value (usually 0)
 * @param high the "salt" value (usually 1)
 */
public record SaltAndPepperNoise(double p, float low, float high) implements Corruption {

    /** Checks the probability. */
    public SaltAndPepperNoise {
        Probabilities.check(p);
    }

    /** Salt 1 and pepper 0 with probability {@code p}, for values in [0, 1]. */
    public static SaltAndPepperNoise of(double p) {
        return new SaltAndPepperNoise(p, 0f, 1f);
    }

    @Override
    public void corruptSample(float[] values, int offset, int[] sampleShape, RandomGenerator rng) {
        int end = offset + SampleShapes.size(sampleShape);
        for (int i = offset; i < end; i++) {
            if (rng.nextDouble() < p) {
                values[i] = rng.nextBoolean() ? high : low;
            }
        }
    }
}
