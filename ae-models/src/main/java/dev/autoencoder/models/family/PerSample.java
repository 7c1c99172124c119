package dev.autoencoder.models.family;

import dev.autoencoder.api.autodiff.Var;

/** Reductions of a batch {@code [n, ...]} to one value per sample {@code [n]}. */
final class PerSample {
    private PerSample() {
    }

    /** The sum over every axis but the first. */
    static Var sum(Var v) {
        int[] axes = new int[v.shape().rank() - 1];
        for (int i = 0; i < axes.length; i++) {
            axes[i] = i + 1;
        }
        return v.sum(false, axes);
    }
}
