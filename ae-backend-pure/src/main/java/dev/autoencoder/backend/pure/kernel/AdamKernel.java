package dev.autoencoder.backend.pure.kernel;

import dev.autoencoder.api.AdamCoefficients;

/**
 * One Adam step in a single pass over memory (read four arrays, write three), split over threads. Each element
 * is computed as {@link AdamCoefficients} writes it, in the arrays' precision.
 */
public final class AdamKernel {
    private static final int MIN_CHUNK = 1 << 15;

    private final Parallel parallel;
    private final AdamLoop loop = AdamLoop.best();

    public AdamKernel(Parallel parallel) {
        this.parallel = parallel;
    }

    /** F32: writes the new parameter, first and second moments into {@code p1}, {@code m1} and {@code v1}. */
    public void step(float[] p, float[] g, float[] m, float[] v, AdamCoefficients c, float[] p1, float[] m1, float[] v1) {
        AdamCoefficients.F32 f = c.inF32();
        parallel.forRange(p.length, MIN_CHUNK, (start, end) -> loop.step(p, g, m, v, f, p1, m1, v1, start, end));
    }

    /** F64: as {@link #step(float[], float[], float[], float[], AdamCoefficients, float[], float[], float[])}. */
    public void step(double[] p, double[] g, double[] m, double[] v, AdamCoefficients c, double[] p1, double[] m1,
            double[] v1) {
        double beta1 = c.beta1();
        double beta2 = c.beta2();
        double eps = c.eps();
        double stepSize = c.stepSize();
        double sqrtBias2 = c.sqrtBias2();
        parallel.forRange(p.length, MIN_CHUNK, (start, end) -> {
            for (int i = start; i < end; i++) {
                double gi = g[i];
                double mi = m[i] * beta1 + gi * (1 - beta1);
                double vi = v[i] * beta2 + gi * gi * (1 - beta2);
                m1[i] = mi;
                v1[i] = vi;
                p1[i] = p[i] - mi / (Math.sqrt(vi) / sqrtBias2 + eps) * stepSize;
            }
        });
    }
}
