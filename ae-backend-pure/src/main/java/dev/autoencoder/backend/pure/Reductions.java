package dev.autoencoder.backend.pure;

import dev.autoencoder.api.Shape;
import dev.autoencoder.api.Shapes;
import java.util.Arrays;

/**
 * Sum, mean and max over axes. Accumulation is in double for both dtypes (then rounded for F32), in row-major
 * input order, so results are deterministic and at least as accurate as a float accumulator. When the reduced
 * axes form one block (all axes, the batch axis, the trailing axes), the input is read as
 * {@code [outer, reduced, inner]} directly; other axis sets go through an index map.
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
        Shape in = t.shape();
        double[] acc = new double[Shapes.reduce(in, axes, false).size()];
        Arrays.fill(acc, identity);
        if (axes.length == 0 || axes[axes.length - 1] - axes[0] != axes.length - 1) {
            int[] map = target(in, axes);
            for (int i = 0; i < map.length; i++) {
                acc[map[i]] = op.apply(acc[map[i]], t.get(i));
            }
            return acc;
        }
        int outer = product(in, 0, axes[0]);
        int reduced = product(in, axes[0], axes[axes.length - 1] + 1);
        int inner = product(in, axes[axes.length - 1] + 1, in.rank());
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

    /** For each input element, the flat index of the output element it reduces into. */
    private static int[] target(Shape in, int[] axes) {
        Shape kept = Shapes.reduce(in, axes, true);
        int[] strides = kept.strides();
        for (int a : axes) {
            strides[a] = 0;
        }
        return Strides.gather(in, strides, 0);
    }
}
