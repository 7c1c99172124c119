package dev.autoencoder.backend.pure;

import dev.autoencoder.api.Shape;
import dev.autoencoder.api.Shapes;
import java.util.Arrays;

/**
 * Sum, mean and max over axes. Accumulation is in double for both dtypes (then rounded for F32), in row-major
 * input order, so results are deterministic and at least as accurate as a float accumulator.
 */
final class Reductions {
    private Reductions() {
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

    static double[] sum(PureTensor t, int[] axes) {
        int[] map = target(t.shape(), axes);
        double[] acc = new double[Shapes.reduce(t.shape(), axes, false).size()];
        for (int i = 0; i < map.length; i++) {
            acc[map[i]] += t.get(i);
        }
        return acc;
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
        int[] map = target(t.shape(), axes);
        double[] acc = new double[Shapes.reduce(t.shape(), axes, false).size()];
        Arrays.fill(acc, Double.NEGATIVE_INFINITY);
        for (int i = 0; i < map.length; i++) {
            double v = t.get(i);
            int o = map[i];
            if (v > acc[o] || Double.isNaN(v)) {
                acc[o] = v;
            }
        }
        return acc;
    }
}
