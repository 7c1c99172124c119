package dev.autoencoder.backend.pure.kernel;

import dev.autoencoder.api.kernel.ScalarMath;

/** {@link Transcendentals} in plain Java, each element computed in F64 and rounded once. */
public final class ScalarTranscendentals implements Transcendentals {
    @Override
    public void sigmoid(float[] x, float[] y, int from, int to) {
        for (int i = from; i < to; i++) {
            y[i] = (float) ScalarMath.sigmoid(x[i]);
        }
    }

    @Override
    public void tanh(float[] x, float[] y, int from, int to) {
        for (int i = from; i < to; i++) {
            y[i] = (float) Math.tanh(x[i]);
        }
    }

    @Override
    public void bceWithLogits(float[] z, float[] t, float[] y, int from, int to) {
        for (int i = from; i < to; i++) {
            float softplus = Math.max(z[i], 0f) + (float) log1p((float) Math.exp(-Math.abs(z[i])));
            y[i] = softplus - t[i] * z[i];
        }
    }

    /**
     * {@code log(1 + x)} for {@code x >= 0} through the intrinsic {@link Math#log} (where {@link Math#log1p} is a native
     * call): {@code u = 1 + x} rounded, corrected by the rounding error {@code (u - 1) - x} to first order. Within a few
     * ulps of F64, so its F32 rounding is {@code log1p}'s.
     */
    private static double log1p(double x) {
        double u = 1 + x;
        return u == 1 ? x : Math.log(u) - ((u - 1) - x) / u;
    }
}
