package dev.autoencoder.backend.pure;

import dev.autoencoder.api.Shape;
import dev.autoencoder.backend.pure.kernel.Parallel;
import dev.autoencoder.backend.pure.kernel.SquareSum;
import java.util.Arrays;

/**
 * Sum, mean and max over axes. Accumulation is in double for both dtypes (then rounded for F32), so results are
 * deterministic and at least as accurate as a float accumulator. The reduced axes are split into maximal blocks of
 * adjacent axes, reduced one block at a time from the last, each by reading the data as
 * {@code [outer, reduced, inner]}: a conv bias gradient over {@code [n, c, h, w]} sums {@code h, w}, then {@code n}.
 */
final class Reductions {
    private Reductions() {
    }

    /** How two values combine. */
    private enum Combine {
        SUM {
            @Override
            double apply(double acc, double v) {
                return acc + v;
            }
        },
        /** NaN wins, as in PyTorch. */
        MAX {
            @Override
            double apply(double acc, double v) {
                return v > acc || Double.isNaN(v) ? v : acc;
            }
        };

        abstract double apply(double acc, double v);
    }

    static double[] sum(PureTensor t, int[] axes) {
        return reduce(t, axes, 0.0, Combine.SUM);
    }

    static double[] mean(PureTensor t, int[] axes) {
        double count = 1;
        for (int a : axes) {
            count *= t.shape().dim(a);
        }
        double[] acc = sum(t, axes);
        for (int i = 0; i < acc.length; i++) {
            acc[i] /= count;
        }
        return acc;
    }

    static double[] max(PureTensor t, int[] axes) {
        return reduce(t, axes, Double.NEGATIVE_INFINITY, Combine.MAX);
    }

    private static double[] reduce(PureTensor t, int[] axes, double identity, Combine op) {
        PureTensor current = t;
        double[] result = null;
        for (int last = axes.length - 1; last >= 0; ) {
            int first = last;
            while (first > 0 && axes[first - 1] == axes[first] - 1) {
                first--;
            }
            result = reduceBlock(current, axes[first], axes[last], identity, op);
            int[] kept = current.shape().dims();
            for (int a = axes[first]; a <= axes[last]; a++) {
                kept[a] = 1;
            }
            current = PureTensor.of((PureBackend) t.backend(), Shape.of(kept), result);
            last = first - 1;
        }
        return result != null ? result : ((PureBackend) t.backend()).toDoubles(t);
    }

    /** {@code op} over the adjacent axes {@code first..last}, reading the data as {@code [outer, reduced, inner]}. */
    private static double[] reduceBlock(PureTensor t, int first, int last, double identity, Combine op) {
        Shape in = t.shape();
        int outer = product(in, 0, first);
        int reduced = product(in, first, last + 1);
        int inner = product(in, last + 1, in.rank());
        double[] acc = new double[outer * inner];
        double[] row = new double[inner];
        for (int o = 0; o < outer; o++) {
            int base = o * reduced * inner;
            if (inner == 1) {
                acc[o] = run(t, base, reduced, identity, op);
                continue;
            }
            Arrays.fill(row, identity);
            for (int r = 0; r < reduced; r++) {
                int from = base + r * inner;
                for (int k = 0; k < inner; k++) {
                    row[k] = op.apply(row[k], t.get(from + k));
                }
            }
            System.arraycopy(row, 0, acc, o * inner, inner);
        }
        return acc;
    }

    /** {@code op} over {@code count} consecutive elements from {@code from}. */
    private static double run(PureTensor t, int from, int count, double identity, Combine op) {
        double acc = identity;
        float[] f = t.floats();
        if (f != null) {
            for (int i = from; i < from + count; i++) {
                acc = op.apply(acc, f[i]);
            }
            return acc;
        }
        double[] d = t.doubles();
        for (int i = from; i < from + count; i++) {
            acc = op.apply(acc, d[i]);
        }
        return acc;
    }

    private static int product(Shape s, int from, int to) {
        int p = 1;
        for (int i = from; i < to; i++) {
            p *= s.dim(i);
        }
        return p;
    }

    private static final SquareSum SQUARES = SquareSum.best();

    /** Elements of one partial sum of {@link #sumOfSquares(float[], Parallel)}; blocks, not threads, fix the order. */
    private static final int BLOCK = 1 << 16;

    /**
     * The sum of squares in F64: each block of 65,536 elements summed by {@link SquareSum}, the blocks spread over
     * {@code parallel}'s threads, then their sums added in order, so the result does not depend on the number of threads.
     */
    static double sumOfSquares(float[] x, Parallel parallel) {
        int blocks = (x.length + BLOCK - 1) / BLOCK;
        double[] partial = new double[blocks];
        parallel.forRange(blocks, 1, (b0, b1) -> {
            for (int b = b0; b < b1; b++) {
                partial[b] = SQUARES.of(x, b * BLOCK, Math.min(x.length, (b + 1) * BLOCK));
            }
        });
        double sum = 0;
        for (double p : partial) {
            sum += p;
        }
        return sum;
    }

    /** The sum of squares of F64 elements: element {@code i} goes to lane {@code i % 8}, then the lanes in order. */
    static double sumOfSquares(double[] x) {
        double[] lanes = new double[SquareSum.LANES];
        for (int i = 0; i < x.length; i++) {
            lanes[i % SquareSum.LANES] += x[i] * x[i];
        }
        return SquareSum.total(lanes);
    }
}
