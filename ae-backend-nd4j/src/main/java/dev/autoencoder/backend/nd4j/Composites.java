package dev.autoencoder.backend.nd4j;

import dev.autoencoder.api.Shape;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.scalar.Step;
import org.nd4j.linalg.api.ops.impl.transforms.bool.IsNaN;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Log;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Operations whose libnd4j kernel is missing, slow or different from the SPI, composed from libnd4j kernels:
 * broadcasting (libnd4j's {@code broadcast_to} is 20x slower than an add), sums over leading or trailing axes,
 * {@code where}, an accurate {@code log1p} (libnd4j computes {@code log(1 + x)}), comparisons as 0/1 values, and NaN
 * propagation for {@code maximum}, {@code minimum} and the max reduction (libnd4j's {@code x > y ? x : y} drops a NaN
 * in {@code x}). Inputs are non-empty; results are new arrays, intermediates {@link Temporaries}.
 */
final class Composites {
    /** Operands up to this size are checked for NaN in Java; larger ones by a native sum. */
    private static final long SMALL = 64;
    /** Below this size a sum is libnd4j's reduction: the product with ones would not pay for its vector. */
    private static final long SUM_BY_PRODUCT_MIN = 64;

    private final Kernels kernels;
    private final DirectBlas blas;

    Composites(Kernels kernels, DirectBlas blas) {
        this.kernels = kernels;
        this.blas = blas;
    }

    /**
     * {@code a} (of shape {@code from}, which differs from {@code to}) broadcast to a new array of shape {@code to}: one
     * fill for a single value (a mean's gradient), else a fill and an add.
     */
    INDArray broadcast(INDArray a, Shape to) {
        if (a.length() == 1) {
            return NdArrays.filled(to, a.dataType(), a.getDouble(0));
        }
        INDArray out = NdArrays.filled(to, a.dataType(), -0.0);
        kernels.run("add", out, out, a); // -0 + x == x for every x, signed zeros included
        return out;
    }

    /** {@code a} broadcast to {@code to}: {@code a} itself when the shapes agree, else a temporary copy. */
    private INDArray broadcast(INDArray a, Shape from, Shape to, Temporaries tmp) {
        return from.equals(to) ? a : tmp.add(broadcast(a, to));
    }

    /**
     * The comparison {@code kernel} (e.g. {@code greater}) of {@code a} and {@code b} as 0/1 in their type. Comparing
     * with one value ({@code x > 0}, the ReLU rule) is libnd4j's {@code step}, one pass instead of two.
     */
    INDArray compare(String kernel, INDArray a, INDArray b, Shape bShape, Shape out) {
        if (kernel.equals("greater") && bShape.size() == 1 && a.length() == out.size()) {
            INDArray z = NdArrays.uninitialized(out, a.dataType());
            kernels.run(new Step(a.reshape('c', NdArrays.dims(out)), z, b.getDouble(0)));
            return z;
        }
        try (Temporaries tmp = new Temporaries()) {
            INDArray mask = tmp.add(NdArrays.uninitialized(out, DataType.BOOL));
            kernels.run(kernel, mask, a, b);
            return NdArrays.uninitialized(out, a.dataType()).assign(mask);
        }
    }

    /**
     * The sum of {@code x} over {@code axes} (sorted, distinct), shaped {@code out}. When the axes are the leading or
     * the trailing ones, it is a product with a vector of ones on the matrix view ({@link DirectBlas}), several times
     * faster than libnd4j's reduction along a strided axis; when they are the first and the trailing ones (a
     * convolution's bias gradient), two such products.
     */
    INDArray sum(INDArray x, Shape shape, int[] axes, boolean keepDims, Shape out) {
        int rank = shape.rank();
        boolean leading = axes.length > 0 && axes[0] == 0 && axes[axes.length - 1] == axes.length - 1;
        boolean trailing = axes.length > 0 && axes[0] == rank - axes.length && axes[axes.length - 1] == rank - 1;
        boolean firstAndTrailing = axes.length > 1 && axes[0] == 0 && axes[1] == rank - (axes.length - 1) && axes[1] > 1;
        INDArray z = NdArrays.uninitialized(out, x.dataType());
        if ((!leading && !trailing && !firstAndTrailing) || shape.size() < SUM_BY_PRODUCT_MIN) {
            kernels.run("reduce_sum", new INDArray[] {z}, new INDArray[] {x}, NdArrays.longs(axes), new double[0],
                    new boolean[] {keepDims});
            return z;
        }
        long reduced = 1;
        for (int a : axes) {
            reduced *= shape.dim(a);
        }
        long kept = shape.size() / reduced;
        try (Temporaries tmp = new Temporaries()) {
            INDArray whole = NdArrays.wholeBuffers(x) ? x : tmp.add(x.dup('c'));
            if (firstAndTrailing) {
                // a convolution's bias gradient, [n, c, h, w] over (0, 2, 3): each plane's sum, then each channel's
                int n = shape.dim(0);
                int planes = Math.toIntExact(n * kept);
                INDArray planeSums = tmp.add(NdArrays.uninitialized(Shape.of(planes), x.dataType()));
                blas.rowSums(whole, planes, Math.toIntExact(reduced / n), planeSums);
                blas.columnSums(planeSums, n, Math.toIntExact(kept), z);
            } else if (leading) {
                blas.columnSums(whole, Math.toIntExact(reduced), Math.toIntExact(kept), z);
            } else {
                blas.rowSums(whole, Math.toIntExact(kept), Math.toIntExact(reduced), z);
            }
        }
        return z;
    }

    /** {@code cond != 0 ? a : b}, all three broadcast to {@code out}. */
    INDArray where(INDArray cond, Shape condShape, INDArray a, Shape aShape, INDArray b, Shape bShape, Shape out) {
        try (Temporaries tmp = new Temporaries()) {
            INDArray c = broadcast(cond, condShape, out, tmp);
            INDArray mask = tmp.add(NdArrays.uninitialized(out, DataType.BOOL));
            kernels.run("not_equals", mask, c, tmp.add(Nd4j.scalar(c.dataType(), 0.0)));
            return select(mask, broadcast(a, aShape, out, tmp), broadcast(b, bShape, out, tmp), out);
        }
    }

    /** {@code mask ? a : b} for a BOOL mask and arrays of one shape. */
    private INDArray select(INDArray mask, INDArray a, INDArray b, Shape out) {
        INDArray z = NdArrays.uninitialized(out, a.dataType());
        kernels.run("select", z, mask, a, b);
        return z;
    }

    /**
     * {@code log(1 + x)} accurate for small {@code x}: {@code log(u) - ((u - 1) - x) / u} with {@code u = 1 + x}, the
     * second term restoring what rounding {@code u} lost (within 2 ulp of the exact value). Clamping {@code u} and
     * {@code x} to the largest finite value and {@code u} below by the smallest normal one keeps the correction 0
     * at {@code x = inf} and {@code x = -1}; below -1 and at NaN the logarithm's NaN stands; {@code -0} gives
     * {@code +0} (a sum cannot keep the sign of zero, and the SPI does not fix it). Elementwise kernels only:
     * libnd4j's {@code select}, which a formula with a mask would need, costs 100 ns per element.
     */
    INDArray log1p(INDArray x, Shape shape) {
        DataType type = x.dataType();
        boolean f64 = type == DataType.DOUBLE;
        try (Temporaries tmp = new Temporaries()) {
            INDArray one = tmp.add(Nd4j.scalar(type, 1.0));
            INDArray largest = tmp.add(Nd4j.scalar(type, f64 ? Double.MAX_VALUE : Float.MAX_VALUE));
            INDArray smallest = tmp.add(Nd4j.scalar(type, f64 ? Double.MIN_NORMAL : Float.MIN_NORMAL));
            INDArray u = tmp.add(binary("add", x, one, shape));
            INDArray uMinusOne = tmp.add(binary("subtract", tmp.add(binary("minimum", u, largest, shape)), one, shape));
            INDArray lost = tmp.add(binary("subtract", uMinusOne, tmp.add(binary("minimum", x, largest, shape)), shape));
            INDArray correction = tmp.add(binary("divide", lost, tmp.add(binary("maximum", u, smallest, shape)), shape));
            INDArray logU = tmp.add(NdArrays.uninitialized(shape, type));
            kernels.run(new Log(u, logU));
            return binary("subtract", logU, correction, shape);
        }
    }

    private INDArray binary(String kernel, INDArray a, INDArray b, Shape out) {
        INDArray z = NdArrays.uninitialized(out, a.dataType());
        kernels.run(kernel, z, a, b);
        return z;
    }

    /**
     * {@code maximum} or {@code minimum} ({@code kernel}) with NaN wherever either operand is NaN. libnd4j keeps a NaN
     * of its second operand only, so the larger operand goes second and the smaller one is checked.
     */
    INDArray extremum(String kernel, INDArray a, Shape aShape, INDArray b, Shape bShape, Shape out) {
        boolean swap = aShape.size() > bShape.size();
        INDArray first = swap ? b : a;
        Shape firstShape = swap ? bShape : aShape;
        INDArray z = binary(kernel, first, swap ? a : b, out);
        if (!hasNaN(first)) {
            return z;
        }
        try (Temporaries tmp = new Temporaries()) {
            tmp.add(z);
            INDArray x = broadcast(first, firstShape, out, tmp);
            INDArray isNaN = tmp.add(NdArrays.uninitialized(out, DataType.BOOL));
            kernels.run(new IsNaN(x, isNaN));
            return select(isNaN, x, z, out);
        }
    }

    /** The max reduction {@code reduced} (shape {@code out}) of {@code x} with NaN wherever a reduced slice has one. */
    INDArray withNaNsOf(INDArray reduced, Shape out, INDArray x, Shape xShape, long[] axes, boolean keepDims) {
        if (!hasNaN(x)) {
            return reduced;
        }
        try (Temporaries tmp = new Temporaries()) {
            tmp.add(reduced);
            INDArray isNaN = tmp.add(NdArrays.uninitialized(xShape, DataType.BOOL));
            kernels.run(new IsNaN(x, isNaN));
            INDArray counts = tmp.add(NdArrays.uninitialized(out, x.dataType()));
            kernels.run("reduce_sum", new INDArray[] {counts},
                    new INDArray[] {tmp.add(NdArrays.uninitialized(xShape, x.dataType()).assign(isNaN))}, axes,
                    new double[0], new boolean[] {keepDims});
            INDArray any = tmp.add(NdArrays.uninitialized(out, DataType.BOOL));
            kernels.run("not_equals", any, counts, tmp.add(Nd4j.scalar(x.dataType(), 0.0)));
            return select(any, tmp.add(NdArrays.filled(out, x.dataType(), Double.NaN)), reduced, out);
        }
    }

    /** Whether {@code a} holds a NaN: read in Java when small, else by a sum (NaN also when it adds opposite infinities). */
    private boolean hasNaN(INDArray a) {
        if (a.length() <= SMALL) {
            for (double v : a.data().asDouble()) {
                if (Double.isNaN(v)) {
                    return true;
                }
            }
            return false;
        }
        try (Temporaries tmp = new Temporaries()) {
            INDArray sum = tmp.add(Nd4j.scalar(a.dataType(), 0.0));
            kernels.run("reduce_sum", sum, a);
            return Double.isNaN(sum.getDouble(0));
        }
    }
}
