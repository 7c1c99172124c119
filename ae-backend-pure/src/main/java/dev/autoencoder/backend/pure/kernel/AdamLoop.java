package dev.autoencoder.backend.pure.kernel;

import dev.autoencoder.api.AdamCoefficients;

/**
 * The F32 Adam step over a slice of the arrays, each element computed by {@link AdamCoefficients.F32}'s formulas:
 * additions, products, a division and a square root, each rounded once, so every implementation gives the same bits.
 */
interface AdamLoop {
    /** The Vector API loop when the JVM has the module ({@link MicroKernels}), else the scalar one. */
    static AdamLoop best() {
        return MicroKernels.best(AdamLoop.class, "VectorAdamLoop", AdamLoop::scalar);
    }

    /** The plain-Java loop: its square root and division run one float at a time. */
    static AdamLoop scalar() {
        return (p, g, m, v, f, p1, m1, v1, from, to) -> {
            for (int i = from; i < to; i++) {
                float gi = g[i];
                float mi = f.firstMoment(m[i], gi);
                float vi = f.secondMoment(v[i], gi);
                m1[i] = mi;
                v1[i] = vi;
                p1[i] = f.parameter(p[i], mi, vi);
            }
        };
    }

    /** Writes the new parameter and moments of elements {@code [from, to)} into {@code p1}, {@code m1} and {@code v1}. */
    void step(float[] p, float[] g, float[] m, float[] v, AdamCoefficients.F32 f, float[] p1, float[] m1, float[] v1,
            int from, int to);
}
