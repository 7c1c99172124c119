package dev.autoencoder.backend.pure.kernel;

/**
 * The innermost loop of the F32 product, on packed blocks (B one flat panel of rows {@code ldb} apart): {@code c[r][j] += sum_p a[r][p] * b[p][j]} for rows
 * {@code r < mr}, columns {@code j < nc} and depths {@code p < kc}. Each element's sum runs over {@code p} in
 * order, so a product does not depend on how its rows are split between threads.
 */
interface MicroKernel {
    /** What computes, for {@link dev.autoencoder.api.TensorBackend#version()}. */
    String name();

    /** Adds the products of {@code a}'s rows and {@code b}'s columns to {@code c}; row {@code p} of {@code b} starts at {@code p * ldb}. */
    void multiply(float[][] c, int mr, int nc, float[][] a, int kc, float[] b, int ldb);
}
