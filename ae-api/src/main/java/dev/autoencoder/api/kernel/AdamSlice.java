package dev.autoencoder.api.kernel;

import dev.autoencoder.api.AdamCoefficients;
import java.nio.ByteBuffer;

/**
 * {@link OffHeapAdam}'s loop over floats {@code [from, to)} of native-ordered buffers, each element by
 * {@link AdamCoefficients.F32}'s formulas, so every implementation gives the same bits.
 */
interface AdamSlice {
    /** The Vector API loop when the JVM has the module, else the scalar one. */
    static AdamSlice best() {
        return VectorKernels.best(AdamSlice.class, "dev.autoencoder.api.kernel.VectorAdamSlice", AdamSlice::scalar);
    }

    /** The plain-Java loop: its square root and division run one float at a time. */
    static AdamSlice scalar() {
        return (p, g, m, v, f, from, to) -> {
            for (int i = from; i < to; i++) {
                int at = i * Float.BYTES;
                float gi = g.getFloat(at);
                float mi = f.firstMoment(m.getFloat(at), gi);
                float vi = f.secondMoment(v.getFloat(at), gi);
                m.putFloat(at, mi);
                v.putFloat(at, vi);
                p.putFloat(at, f.parameter(p.getFloat(at), mi, vi));
            }
        };
    }

    /** Updates the parameter and moments of floats {@code [from, to)} in place. */
    void step(ByteBuffer p, ByteBuffer g, ByteBuffer m, ByteBuffer v, AdamCoefficients.F32 f, int from, int to);
}
