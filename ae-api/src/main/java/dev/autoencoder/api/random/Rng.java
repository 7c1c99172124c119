package dev.autoencoder.api.random;

import dev.autoencoder.api.DType;
import dev.autoencoder.api.InvalidArgumentException;
import dev.autoencoder.api.Shape;
import dev.autoencoder.api.Tensor;
import dev.autoencoder.api.TensorBackend;
import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * The one source of randomness of the framework: a seeded xoshiro256** generator whose streams are the same on
 * every JVM and for every backend. Values are drawn here, in shared code, and uploaded to a backend, so that
 * the same seed gives the same parameters, noise and shuffles whatever backend computes. The full state can be
 * saved and restored, so a resumed training run continues the exact stream. It is a {@link RandomGenerator}, so
 * code that takes one (the data module's corruptions, say) draws from the same seeded stream. Not thread-safe.
 */
public final class Rng implements RandomGenerator {
    private static final int STATE_LENGTH = 6;

    private long s0;
    private long s1;
    private long s2;
    private long s3;
    private boolean hasSpareGaussian;
    private double spareGaussian;

    /** A generator whose state is expanded from {@code seed} by SplitMix64. */
    public Rng(long seed) {
        long x = seed;
        x += 0x9E3779B97F4A7C15L;
        s0 = mix(x);
        x += 0x9E3779B97F4A7C15L;
        s1 = mix(x);
        x += 0x9E3779B97F4A7C15L;
        s2 = mix(x);
        x += 0x9E3779B97F4A7C15L;
        s3 = mix(x);
    }

    private Rng(long[] state) {
        s0 = state[0];
        s1 = state[1];
        s2 = state[2];
        s3 = state[3];
        hasSpareGaussian = state[4] != 0;
        spareGaussian = Double.longBitsToDouble(state[5]);
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** The complete state, for checkpoints. */
    public long[] state() {
        return new long[] {s0, s1, s2, s3, hasSpareGaussian ? 1 : 0, Double.doubleToRawLongBits(spareGaussian)};
    }

    /** A generator continuing exactly where the one that produced {@code state} stood. */
    public static Rng fromState(long[] state) {
        if (state.length != STATE_LENGTH || (state[0] | state[1] | state[2] | state[3]) == 0) {
            throw new InvalidArgumentException("not a valid generator state: " + Arrays.toString(state));
        }
        return new Rng(state);
    }

    /** An independent generator seeded from this one's stream (for a separate purpose such as noise). */
    public Rng split() {
        return new Rng(nextLong());
    }

    /** 64 uniformly random bits. */
    @Override
    public long nextLong() {
        long result = Long.rotateLeft(s1 * 5, 7) * 9;
        long t = s1 << 17;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = Long.rotateLeft(s3, 45);
        return result;
    }

    /** Uniform in {@code [0, 1)} with 53 random bits. */
    @Override
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** Uniform integer in {@code [0, bound)}, unbiased. */
    @Override
    public int nextInt(int bound) {
        if (bound <= 0) {
            throw new InvalidArgumentException("bound must be positive, got " + bound);
        }
        long limit = (1L << 32) - ((1L << 32) % bound);
        long r;
        do {
            r = nextLong() >>> 32;
        } while (r >= limit);
        return (int) (r % bound);
    }

    /** Standard normal, by the Box-Muller transform (pairs; the second value is kept for the next call). */
    @Override
    public double nextGaussian() {
        if (hasSpareGaussian) {
            hasSpareGaussian = false;
            return spareGaussian;
        }
        double u1 = 1.0 - nextDouble();
        double u2 = nextDouble();
        double r = Math.sqrt(-2.0 * Math.log(u1));
        spareGaussian = r * Math.sin(2 * Math.PI * u2);
        hasSpareGaussian = true;
        return r * Math.cos(2 * Math.PI * u2);
    }

    /** {@code n} values uniform in {@code [lo, hi)}. */
    public double[] uniform(int n, double lo, double hi) {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = lo + (hi - lo) * nextDouble();
        }
        return out;
    }

    /** {@code n} values from {@code N(mean, std^2)}. */
    public double[] normal(int n, double mean, double std) {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = mean + std * nextGaussian();
        }
        return out;
    }

    /** {@code n} values that are 1 with probability {@code p}, else 0. */
    public double[] bernoulli(int n, double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new InvalidArgumentException("probability must be in [0, 1], got " + p);
        }
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = nextDouble() < p ? 1 : 0;
        }
        return out;
    }

    /** A uniformly random permutation of {@code 0..n-1} (Fisher-Yates). */
    public int[] permutation(int n) {
        int[] p = new int[n];
        Arrays.setAll(p, i -> i);
        for (int i = n - 1; i > 0; i--) {
            int j = nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    /** A tensor of values uniform in {@code [lo, hi)}; the stream does not depend on backend or dtype. */
    public Tensor uniform(TensorBackend backend, Shape shape, DType dtype, double lo, double hi) {
        return backend.fromDoubles(uniform(shape.size(), lo, hi), shape, dtype);
    }

    /** A tensor of values from {@code N(mean, std^2)}. */
    public Tensor normal(TensorBackend backend, Shape shape, DType dtype, double mean, double std) {
        return backend.fromDoubles(normal(shape.size(), mean, std), shape, dtype);
    }

    /** A tensor of 0/1 values, 1 with probability {@code p}. */
    public Tensor bernoulli(TensorBackend backend, Shape shape, DType dtype, double p) {
        return backend.fromDoubles(bernoulli(shape.size(), p), shape, dtype);
    }
}
