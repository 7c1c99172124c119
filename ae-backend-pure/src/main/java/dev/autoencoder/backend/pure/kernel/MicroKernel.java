package dev.autoencoder.backend.pure.kernel;

/**
 * The innermost loop of the F32 product, on packed blocks (B one flat panel of rows {@code ldb} apart):
 * {@code c[r][j] (+)= sum_p a[r][p] * b[p][j]} for rows {@code r < mr}, columns {@code j < nc} and depths
 * {@code p < kc}, where row {@code r} of C starts at {@code c[cOff + r * ldc]}: the result's own rows where they are
 * contiguous, so that nothing is copied in or out. Each element's sum runs over {@code p} in order, from the element's
 * old value or from zero, so a product does not depend on how its rows are split between threads.
 */
interface MicroKernel {
    /** What computes, for {@link dev.autoencoder.api.TensorBackend#version()}. */
    String name();

    /**
     * Writes the products of {@code a}'s rows and {@code b}'s columns to C, added to its old values if
     * {@code accumulate}; row {@code p} of {@code b} starts at {@code p * ldb}.
     */
    void multiply(float[] c, int cOff, int ldc, int mr, int nc, float[][] a, int kc, float[] b, int ldb,
                  boolean accumulate);
}
