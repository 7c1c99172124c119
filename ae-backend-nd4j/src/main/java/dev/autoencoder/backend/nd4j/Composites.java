package dev.autoencoder.backend.nd4j;

import dev.autoencoder.api.Shape;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.api.ops.impl.reduce.longer.MatchCondition;
import org.nd4j.linalg.api.ops.impl.transforms.bool.IsFinite;
import org.nd4j.linalg.api.ops.impl.transforms.bool.IsNaN;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Log;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.conditions.Conditions;

/**
 * Operations whose libnd4j kernel is missing or differs from the SPI, composed from libnd4j kernels:
 * broadcasting {@code where}, an accurate {@code log1p} (libnd4j computes {@code log(1 + x)}), and NaN propagation
 * for {@code maximum}, {@code minimum} and the max reduction (libnd4j's {@code x > y ? x : y} drops NaNs). Inputs
 * are non-empty; results are new arrays, intermediates are {@link Temporaries}.
 */
final class Composites {
    private Composites() {
    }

    /** {@code a} (of shape {@code from}, which differs from {@code to}) broadcast to a new array of shape {@code to}. */
    static INDArray broadcast(INDArray a, Shape from, Shape to) {
        INDArray out = NdArrays.uninitialized(to, a.dataType());
        try (Temporaries tmp = new Temporaries()) {
            NdArrays.exec("broadcast_to", out, a, tmp.add(Nd4j.createFromArray(NdArrays.dims(to))));
        }
        return out;
    }

    /** {@code a} broadcast to {@code to}: {@code a} itself when the shapes agree, else a temporary copy. */
    private static INDArray broadcast(INDArray a, Shape from, Shape to, Temporaries tmp) {
        return from.equals(to) ? a : tmp.add(broadcast(a, from, to));
    }

    /** {@code cond != 0 ? a : b}, all three broadcast to {@code out}. */
    static INDArray where(INDArray cond, Shape condShape, INDArray a, Shape aShape, INDArray b, Shape bShape, Shape out) {
        try (Temporaries tmp = new Temporaries()) {
            INDArray c = broadcast(cond, condShape, out, tmp);
            INDArray mask = tmp.add(NdArrays.uninitialized(out, DataType.BOOL));
            NdArrays.exec("not_equals", mask, c, tmp.add(Nd4j.scalar(c.dataType(), 0.0)));
            return select(mask, broadcast(a, aShape, out, tmp), broadcast(b, bShape, out, tmp), out);
        }
    }

    /** {@code mask ? a : b} for a BOOL mask and arrays of one shape. */
    private static INDArray select(INDArray mask, INDArray a, INDArray b, Shape out) {
        INDArray z = NdArrays.uninitialized(out, a.dataType());
        NdArrays.exec("select", z, mask, a, b);
        return z;
    }

    /**
     * {@code log(1 + x)} accurate for small {@code x}, by Goldberg's formula {@code log(u) * x / (u - 1)} with
     * {@code u = 1 + x}. Where {@code x / (u - 1)} is not finite ({@code x} below half an ulp of 1, zero, infinite
     * or NaN) the answer is {@code x}, except below -1, where the formula's NaN stands.
     */
    static INDArray log1p(INDArray x, Shape shape) {
        DataType type = x.dataType();
        try (Temporaries tmp = new Temporaries()) {
            INDArray one = tmp.add(Nd4j.scalar(type, 1.0));
            INDArray u = tmp.add(binary("add", x, one, shape));
            INDArray q = tmp.add(binary("divide", x, tmp.add(binary("subtract", u, one, shape)), shape));
            INDArray logU = tmp.add(NdArrays.uninitialized(shape, type));
            Nd4j.exec(new Log(u, logU));
            INDArray r = tmp.add(binary("multiply", logU, q, shape));
            INDArray finite = tmp.add(NdArrays.uninitialized(shape, DataType.BOOL));
            Nd4j.exec(new IsFinite(q, finite));
            INDArray belowMinusOne = tmp.add(NdArrays.uninitialized(shape, DataType.BOOL));
            NdArrays.exec("less", belowMinusOne, x, tmp.add(Nd4j.scalar(type, -1.0)));
            INDArray useFormula = tmp.add(NdArrays.uninitialized(shape, DataType.BOOL));
            NdArrays.exec("boolean_or", useFormula, finite, belowMinusOne);
            return select(useFormula, r, x, shape);
        }
    }

    private static INDArray binary(String op, INDArray a, INDArray b, Shape out) {
        INDArray z = NdArrays.uninitialized(out, a.dataType());
        NdArrays.exec(op, z, a, b);
        return z;
    }

    /** {@code z} with NaN wherever operand {@code a} or {@code b}, broadcast to {@code out}, is NaN. */
    static INDArray withNaNsOf(INDArray z, Shape out, INDArray a, Shape aShape, INDArray b, Shape bShape) {
        return withNaNsOf(withNaNsOf(z, out, a, aShape), out, b, bShape);
    }

    private static INDArray withNaNsOf(INDArray z, Shape out, INDArray operand, Shape shape) {
        if (!hasNaN(operand)) {
            return z;
        }
        try (Temporaries tmp = new Temporaries()) {
            tmp.add(z);
            INDArray x = broadcast(operand, shape, out, tmp);
            INDArray isNaN = tmp.add(NdArrays.uninitialized(out, DataType.BOOL));
            Nd4j.exec(new IsNaN(x, isNaN));
            return select(isNaN, x, z, out);
        }
    }

    /** The max reduction {@code reduced} (shape {@code out}) of {@code x} with NaN wherever a reduced slice has one. */
    static INDArray withNaNsOf(INDArray reduced, Shape out, INDArray x, Shape xShape, int[] axes, boolean keepDims) {
        if (!hasNaN(x)) {
            return reduced;
        }
        try (Temporaries tmp = new Temporaries()) {
            tmp.add(reduced);
            INDArray isNaN = tmp.add(NdArrays.uninitialized(xShape, DataType.BOOL));
            Nd4j.exec(new IsNaN(x, isNaN));
            INDArray counts = tmp.add(NdArrays.uninitialized(out, x.dataType()));
            Nd4j.exec(DynamicCustomOp.builder("reduce_sum").addInputs(tmp.add(isNaN.castTo(x.dataType())))
                    .addOutputs(counts).addIntegerArguments(axes).addBooleanArguments(keepDims).build());
            INDArray any = tmp.add(NdArrays.uninitialized(out, DataType.BOOL));
            NdArrays.exec("not_equals", any, counts, tmp.add(Nd4j.scalar(x.dataType(), 0.0)));
            return select(any, tmp.add(NdArrays.filled(out, x.dataType(), Double.NaN)), reduced, out);
        }
    }

    private static boolean hasNaN(INDArray a) {
        return Nd4j.getExecutioner().exec(new MatchCondition(a, Conditions.isNan())).getInt(0) > 0;
    }
}
