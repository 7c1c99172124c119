package dev.autoencoder.api.profile;

import dev.autoencoder.api.Shape;

/**
 * Floating-point operations of the primitives that dominate training: two per multiply-add (one multiply, one
 * add), as BLAS benchmarks and PyTorch's profiler count them. Elementwise work, reductions and data movement
 * are not counted; they are memory-bound and their share of a step's arithmetic is small.
 */
public final class Flops {
    private Flops() {
    }

    /** {@code 2 m n k} for {@code op(a) x op(b)} with result {@code m x n}. */
    public static long matmul(Shape a, Shape out, boolean transposeA) {
        long k = transposeA ? a.dim(0) : a.dim(1);
        return 2 * (long) out.size() * k;
    }

    /**
     * A convolution and its two gradients: every element of the convolution's output {@code y} is a dot product
     * of length {@code Cin * kh * kw}, so each costs {@code 2 * size(y) * Cin * kh * kw}.
     *
     * @param y      the shape of the convolution's output (its {@code gradOut} for the gradients)
     * @param weight the weight's shape, {@code Cout x Cin x kh x kw}
     */
    public static long conv2d(Shape y, Shape weight) {
        return 2 * (long) y.size() * (weight.size() / weight.dim(0));
    }

    /**
     * A transposed convolution: each input element is scattered, multiplied by {@code Cout * kh * kw} weights.
     *
     * @param x      the input's shape
     * @param weight the weight's shape, {@code Cin x Cout x kh x kw}
     */
    public static long conv2dTranspose(Shape x, Shape weight) {
        return 2 * (long) x.size() * (weight.size() / weight.dim(0));
    }
}
