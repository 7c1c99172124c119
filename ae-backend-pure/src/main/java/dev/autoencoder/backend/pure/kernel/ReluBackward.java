package dev.autoencoder.backend.pure.kernel;

/**
 * ReLU's backward from its output, {@code z[i] = y[i] > 0 ? g[i] : 0}: a selection, no arithmetic, so every
 * implementation gives the same bits (NaN in {@code y} gives 0, as PyTorch's {@code threshold_backward}).
 */
public interface ReluBackward {
    /** The Vector API loop when the JVM has the module ({@link MicroKernels}), else the scalar one. */
    static ReluBackward best() {
        return MicroKernels.best(ReluBackward.class, "VectorReluBackward", ReluBackward::scalar);
    }

    /** The plain-Java loop. C2 (JDK 17) does not vectorise its conditional, and a branch on the sign of activations mispredicts half the time. */
    static ReluBackward scalar() {
        return (y, g, z, from, to) -> {
            for (int i = from; i < to; i++) {
                z[i] = y[i] > 0f ? g[i] : 0f;
            }
        };
    }

    /** {@code z[i] = y[i] > 0 ? g[i] : 0} for {@code from <= i < to}. */
    void apply(float[] y, float[] g, float[] z, int from, int to);
}
