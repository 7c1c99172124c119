package dev.autoencoder.models.family;

import dev.autoencoder.api.autodiff.Functions;
import dev.autoencoder.api.autodiff.Var;

/** Reductions of a batch {@code [n, ...]} to one value per sample {@code [n]}. */
final class PerSample {
    private PerSample() {
    }

    /** Elements per sample: the product of every dimension but the first. */
    static int size(Var v) {
        int size = 1;
        for (int i = 1; i < v.shape().rank(); i++) {
            size *= v.shape().dim(i);
        }
        return size;
    }

    /** The sum over every axis but the first. */
    static Var sum(Var v) {
        int[] axes = new int[v.shape().rank() - 1];
        for (int i = 0; i < axes.length; i++) {
            axes[i] = i + 1;
        }
        return v.sum(false, axes);
    }

    /** The mean squared error of each sample of {@code xHat} against {@code x}. */
    static Var meanSquaredError(Var xHat, Var x) {
        return sum(Functions.squaredError(xHat, x)).mul(1.0 / size(x));
    }
}
