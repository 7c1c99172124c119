package dev.autoencoder.backend.pure.kernel;

/**
 * The sum of squares of a slice of an F32 array in F64, element {@code from + i} added to lane {@code i % 8} in order
 * of {@code i}, then the eight lanes in order. A float's square is exact in F64, so every implementation gives the
 * same bits.
 */
public interface SquareSum {
    /** Independent sums, so that the additions do not wait on one another. */
    int LANES = 8;

    /** The Vector API loop when the JVM has the module ({@link MicroKernels}), else the scalar one. */
    static SquareSum best() {
        return MicroKernels.best(SquareSum.class, "VectorSquareSum", SquareSum::scalar);
    }

    /** The plain-Java loop. */
    static SquareSum scalar() {
        return (x, from, to) -> {
            double[] lanes = new double[LANES];
            for (int i = from; i < to; i++) {
                double v = x[i];
                lanes[(i - from) % LANES] += v * v;
            }
            return total(lanes);
        };
    }

    /** The lanes added in order. */
    static double total(double[] lanes) {
        double sum = 0;
        for (double l : lanes) {
            sum += l;
        }
        return sum;
    }

    /** The sum of {@code x[i]^2} for {@code from <= i < to}. */
    double of(float[] x, int from, int to);
}
