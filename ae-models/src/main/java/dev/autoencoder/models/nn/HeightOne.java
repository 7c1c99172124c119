package dev.autoencoder.models.nn;

import dev.autoencoder.api.Conv2dParams;
import dev.autoencoder.api.autodiff.Var;

/**
 * Runs the 1-D layers on the 2-D convolution primitives: a series {@code [n, c, steps]} (and a 1-D kernel
 * {@code [a, b, k]}) is a 2-D one of height 1, {@code [n, c, 1, steps]}, convolved with stride 1 and no padding along
 * the height. Reshapes only, so values and gradients are those of the 2-D primitives.
 */
final class HeightOne {
    private HeightOne() {
    }

    /** Stride and padding along the steps, none along the height. */
    static Conv2dParams params(int stride, int padding) {
        return new Conv2dParams(1, stride, 0, padding);
    }

    /** {@code [a, b, k]} as {@code [a, b, 1, k]}: a series or a 1-D kernel. */
    static Var lift(Var v) {
        return v.reshape(v.shape().dim(0), v.shape().dim(1), 1, v.shape().dim(2));
    }

    /** The input {@code x} of {@code layer}, checked to be {@code [n, channels, steps]}, lifted to height 1. */
    static Var input(Var x, String layer, int channels) {
        if (x.shape().rank() != 3 || x.shape().dim(1) != channels) {
            throw new IllegalArgumentException("a " + layer + " of " + channels + " input channels takes [n, " + channels
                    + ", steps], got " + x.shape());
        }
        return lift(x);
    }

    /** The 2-D output {@code [n, out, 1, steps]} as a series, with {@code bias [out]} added to every step. */
    static Var output(Var y, Var bias) {
        int out = y.shape().dim(1);
        return y.reshape(y.shape().dim(0), out, y.shape().dim(3)).add(bias.reshape(1, out, 1));
    }
}
