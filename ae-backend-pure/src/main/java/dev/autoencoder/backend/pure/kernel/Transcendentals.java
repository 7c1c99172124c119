package dev.autoencoder.backend.pure.kernel;

/**
 * The F32 loops whose cost is {@code exp} and {@code log}: sigmoid, tanh and binary cross-entropy from logits. Each
 * element's value depends on that element alone, never on where a loop or a thread's slice starts.
 */
public interface Transcendentals {
    /** The Vector API loops when the JVM has the module ({@link MicroKernels}), else the scalar ones. */
    static Transcendentals best() {
        return MicroKernels.best(Transcendentals.class, "VectorTranscendentals", ScalarTranscendentals::new);
    }

    /** The plain-Java loops. */
    static Transcendentals scalar() {
        return new ScalarTranscendentals();
    }

    /** {@code y[i] = 1 / (1 + exp(-x[i]))} for {@code from <= i < to}. */
    void sigmoid(float[] x, float[] y, int from, int to);

    /** {@code y[i] = tanh(x[i])} for {@code from <= i < to}. */
    void tanh(float[] x, float[] y, int from, int to);

    /** {@code y[i] = max(z[i], 0) + log1p(exp(-|z[i]|)) - t[i] z[i]} for {@code from <= i < to}. */
    void bceWithLogits(float[] z, float[] t, float[] y, int from, int to);
}
