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
    /** Elements below which a chunk of runs is not worth a thread. */
    private static final int MIN_CHUNK_ELEMENTS = 1 << 16;
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

    static double[] sum(PureTensor t, int[] axes, Parallel parallel) {
        return reduce(t, axes, 0.0, Combine.SUM, parallel);
    }

    static double[] mean(PureTensor t, int[] axes, Parallel parallel) {
        double count = 1;
        for (int a : axes) {
            count *= t.shape().dim(a);
        }
        double[] acc = sum(t, axes, parallel);
        for (int i = 0; i < acc.length; i++) {
            acc[i] /= count;
        }
        return acc;
    }

    static double[] max(PureTensor t, int[] axes, Parallel parallel) {
        return reduce(t, axes, Double.NEGATIVE_INFINITY, Combine.MAX, parallel);
    }

    private static double[] reduce(PureTensor t, int[] axes, double identity, Combine op, Parallel parallel) {
        PureTensor current = t;
        double[] result = null;
        for (int last = axes.length - 1; last >= 0; ) {
            int first = last;
            while (first > 0 && axes[first - 1] == axes[first] - 1) {
                first--;
            }
            result = reduceBlock(current, axes[first], axes[last], identity, op, parallel);
            int[] kept = current.shape().dims();
            for (int a = axes[first]; a <= axes[last]; a++) {
                kept[a] = 1;
            }
            current = PureTensor.of((PureBackend) t.backend(), Shape.of(kept), result);
            last = first - 1;
        }
        return result != null ? result : ((PureBackend) t.backend()).toDoubles(t);
    }

    /**
     * {@code op} over the adjacent axes {@code first..last}, reading the data as {@code [outer, reduced, inner]}. Runs
     * of consecutive elements ({@code inner == 1}, a conv bias gradient's planes) are spread over {@code parallel}'s
     * threads; each is reduced whole by one thread, so the result does not depend on their number.
     */
    private static double[] reduceBlock(PureTensor t, int first, int last, double identity, Combine op, Parallel parallel) {
        Shape in = t.shape();
        int outer = product(in, 0, first);
        int reduced = product(in, first, last + 1);
        int inner = product(in, last + 1, in.rank());
        double[] acc = new double[outer * inner];
        if (inner == 1) {
            parallel.forRange(outer, Math.max(1, MIN_CHUNK_ELEMENTS / Math.max(1, reduced)), (o0, o1) -> {
                for (int o = o0; o < o1; o++) {
                    acc[o] = run(t, o * reduced, reduced, identity, op);
                }
            });
            return acc;
        }
        double[] row = new double[inner];
        for (int o = 0; o < outer; o++) {
            int base = o * reduced * inner;
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
        if (f != null && op == Combine.SUM) {
            return sum(f, from, count);
        }
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

    /**
     * The sum of {@code count} floats from {@code from} in four interleaved accumulators (element {@code i} to lane
     * {@code i % 4}, the rest to lane 0), added in lane order: the additions of one lane wait on each other, those of
     * four overlap, which made W2's bias gradients about three times faster. The order depends on nothing but the data.
     */
    private static double sum(float[] f, int from, int count) {
        double a0 = 0;
        double a1 = 0;
        double a2 = 0;
        double a3 = 0;
        int end = from + count;
        int i = from;
        for (; i + 3 < end; i += 4) {
            a0 += f[i];
            a1 += f[i + 1];
            a2 += f[i + 2];
            a3 += f[i + 3];
        }
        for (; i < end; i++) {
            a0 += f[i];
        }
        return (a0 + a1) + (a2 + a3);
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
