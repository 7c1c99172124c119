package dev.autoencoder.tests.conformance;

import static dev.autoencoder.tests.conformance.OpClass.COMPOSITE;
import static dev.autoencoder.tests.conformance.OpClass.ELEMENTWISE;
import static dev.autoencoder.tests.conformance.OpClass.REDUCTION;

import dev.autoencoder.api.AdamCoefficients;
import dev.autoencoder.api.AdamUpdate;
import dev.autoencoder.api.BackendMismatchException;
import dev.autoencoder.api.Conv2dParams;
import dev.autoencoder.api.DType;
import dev.autoencoder.api.DTypeMismatchException;
import dev.autoencoder.api.InvalidArgumentException;
import dev.autoencoder.api.Shape;
import dev.autoencoder.api.ShapeMismatchException;
import dev.autoencoder.api.Shapes;
import dev.autoencoder.api.Tensor;
import dev.autoencoder.api.TensorBackend;
import dev.autoencoder.api.autodiff.Functions;
import dev.autoencoder.api.autodiff.LstmState;
import dev.autoencoder.api.autodiff.Var;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BinaryOperator;
import java.util.function.UnaryOperator;

/**
 * Every primitive of the Tensor SPI and every shared composite, with seeded samples covering broadcasts, odd
 * shapes, size-1 dimensions, strides, paddings and output paddings, and the wrong uses each must reject.
 */
public final class OpRegistry {
    private OpRegistry() {
    }

    /** The whole registry, in a fixed order. */
    public static List<OpSpec> all() {
        List<OpSpec> ops = new ArrayList<>();
        creation(ops);
        movement(ops);
        binary(ops);
        unary(ops);
        reductions(ops);
        matmul(ops);
        linear(ops);
        convolution(ops);
        composites(ops);
        optimizer(ops);
        return List.copyOf(ops);
    }

    /**
     * Adam's fused step: its three results, flattened and concatenated, at the third step of a run with lr 0.1.
     * The eps-dominated sample has v so small that sqrt(v_hat) is eps or less, where eps's place in the
     * denominator decides the step (sqrt(v_hat) + eps, not sqrt(v_hat + eps)); its gradients and moments are
     * positive, so that the moments' sums do not cancel and compare relatively.
     */
    private static void optimizer(List<OpSpec> ops) {
        AdamCoefficients third = AdamCoefficients.atStep(0.1, 0.9, 0.999, 1e-8, 3);
        SpecBuilder adam = composite("adamStep", (t, a) -> {
            var b = t.backend();
            return t.constant(concat(b, b.adamStep(a.get(0).value(), a.get(1).value(), a.get(2).value(), a.get(3).value(), third)));
        }).notDifferentiable();
        SpecBuilder inPlace = composite("adamStep[in place]", (t, a) -> {
            var b = t.backend();
            return t.constant(concat(b, b.adamStepInPlace(copy(b, a.get(0).value()), a.get(1).value(), copy(b, a.get(2).value()),
                    copy(b, a.get(3).value()), third)));
        }).notDifferentiable();
        ops.add(inPlace.sample("matrix", inPlace.u(-2, 2).of(3, 5), inPlace.u(-2, 2).of(3, 5), inPlace.u(-1, 1).of(3, 5),
                        inPlace.u(0.1, 2).of(3, 5))
                .sample("split over threads", inPlace.u(-2, 2).of(7, 10001), inPlace.u(-2, 2).of(7, 10001),
                        inPlace.u(-1, 1).of(7, 10001), inPlace.u(0.1, 2).of(7, 10001))
                .error("shapes differ", ShapeMismatchException.class,
                        c -> c.backend().adamStepInPlace(c.ones(2, 3), c.ones(2, 3), c.ones(3, 2), c.ones(2, 3), third))
                .build());
        ops.add(adam.sample("matrix", adam.u(-2, 2).of(3, 5), adam.u(-2, 2).of(3, 5), adam.u(-1, 1).of(3, 5),
                        adam.u(0.1, 2).of(3, 5))
                .sampleRelative("eps-dominated, relative: sqrt(v_hat) from 0 to 3 eps, moments of 1e-8 and 1e-18",
                        adam.u(-2, 2).of(3, 5), adam.u(1e-9, 3e-9).of(3, 5), adam.u(1e-9, 1e-8).of(3, 5), adam.u(0, 3e-18).of(3, 5))
                .sample("split over threads", adam.u(-2, 2).of(7, 10001), adam.u(-2, 2).of(7, 10001),
                        adam.u(-1, 1).of(7, 10001), adam.u(0.1, 2).of(7, 10001))
                .error("shapes differ", ShapeMismatchException.class,
                        c -> c.backend().adamStep(c.ones(2, 3), c.ones(2, 3), c.ones(3, 2), c.ones(2, 3), third))
                .error("mixed dtypes", DTypeMismatchException.class,
                        c -> c.backend().adamStep(c.ones(2, 3), c.onesOtherDType(2, 3), c.ones(2, 3), c.ones(2, 3), third))
                .error("mixed backends", BackendMismatchException.class,
                        c -> c.backend().adamStep(c.ones(2, 3), c.ones(2, 3), c.foreignOnes(2, 3), c.ones(2, 3), third))
                .build());
    }

    /** A tensor of its own with {@code t}'s values, for operations that may write into their operands. */
    private static Tensor copy(TensorBackend b, Tensor t) {
        return t.dtype() == DType.F32 ? b.fromFloats(b.toFloats(t), t.shape()) : b.fromDoubles(b.toDoubles(t), t.shape());
    }

    /** Adam's three results, flattened and concatenated. */
    private static Tensor concat(TensorBackend b, AdamUpdate u) {
        return b.concat(List.of(flat(b, u.param()), flat(b, u.m()), flat(b, u.v())), 0);
    }

    private static Tensor flat(TensorBackend b, Tensor t) {
        return b.reshape(t, Shape.of(t.shape().size()));
    }

    private static SpecBuilder op(String name, OpClass c, OpFunction fn) {
        return new SpecBuilder(name, name.replaceAll("\\[.*", ""), c, fn);
    }

    private static SpecBuilder composite(String name, OpFunction fn) {
        return new SpecBuilder(name, name, COMPOSITE, fn);
    }

    private static void creation(List<OpSpec> ops) {
        SpecBuilder full = op("full", ELEMENTWISE,
                (t, a) -> t.constant(t.backend().full(Shape.of(2, 3), a.get(0).dtype(), -1.25)).add(a.get(0)));
        ops.add(full.sample("scalar operand", full.u(-1, 1).of())
                .error("negative dimension", ShapeMismatchException.class, c -> c.backend().full(Shape.of(2, -1), c.dtype(), 0))
                .build());
        // squared in the other dtype: a correctly rounded step, so only the casts are under test (an F32 exp is
        // within an ulp, but not the same ulp in every library)
        SpecBuilder cast = op("cast", ELEMENTWISE, (t, a) -> a.get(0).cast(other(a.get(0).dtype())).square()
                .cast(a.get(0).dtype()));
        String roundsThroughF32 = "rounds through F32, below the resolution of central differences";
        ops.add(cast.sampleWithoutGradcheck("matrix, " + roundsThroughF32, cast.u(-2, 2).of(3, 4))
                .sampleWithoutGradcheck("scalar, " + roundsThroughF32, cast.u(-2, 2).of()).build());
        SpecBuilder from = op("fromFloats", ELEMENTWISE, (t, a) -> {
            var b = t.backend();
            var x = a.get(0).value();
            return t.constant(b.cast(b.fromFloats(b.toFloats(x), x.shape()), x.dtype()));
        }).notDifferentiable();
        ops.add(from.sample("vector", from.c(-1, 1).of(5))
                .error("length does not fill the shape", ShapeMismatchException.class,
                        c -> c.backend().fromFloats(new float[5], Shape.of(2, 3)))
                .error("length does not fill the shape (F64)", ShapeMismatchException.class,
                        c -> c.backend().fromDoubles(new double[7], Shape.of(2, 3)))
                .build());
    }

    private static DType other(DType d) {
        return d == DType.F32 ? DType.F64 : DType.F32;
    }

    private static void movement(List<OpSpec> ops) {
        SpecBuilder reshape = op("reshape", ELEMENTWISE, (t, a) -> a.get(0).reshape(3, 1, 4));
        ops.add(reshape.sample("2-D to 3-D", reshape.u(-1, 1).of(2, 6))
                .sample("1-D to 3-D", reshape.u(-1, 1).of(12))
                .error("size changes", ShapeMismatchException.class, c -> c.backend().reshape(c.ones(2, 3), Shape.of(4, 2)))
                .build());
        SpecBuilder permute = op("permute", ELEMENTWISE, (t, a) -> a.get(0).permute(2, 0, 1));
        ops.add(permute.sample("3-D", permute.u(-1, 1).of(2, 3, 4)).sample("size-1 axes", permute.u(-1, 1).of(1, 3, 1))
                .error("not a permutation", InvalidArgumentException.class, c -> c.backend().permute(c.ones(2, 3), 0, 0))
                .error("wrong axis count", InvalidArgumentException.class, c -> c.backend().permute(c.ones(2, 3), 0))
                .build());
        SpecBuilder transpose = op("permute[2-D]", ELEMENTWISE, (t, a) -> a.get(0).transpose());
        ops.add(transpose.sample("odd matrix", transpose.u(-1, 1).of(3, 7)).build());
        SpecBuilder bcast = op("broadcastTo", ELEMENTWISE, (t, a) -> a.get(0).broadcastTo(Shape.of(2, 3, 4)));
        ops.add(bcast.sample("row", bcast.u(-1, 1).of(4)).sample("column", bcast.u(-1, 1).of(3, 1))
                .sample("scalar", bcast.u(-1, 1).of()).sample("middle size-1", bcast.u(-1, 1).of(2, 1, 4))
                .error("incompatible", ShapeMismatchException.class, c -> c.backend().broadcastTo(c.ones(3), Shape.of(2, 4)))
                .error("shrinking", ShapeMismatchException.class, c -> c.backend().broadcastTo(c.ones(2, 3), Shape.of(3)))
                .build());
        SpecBuilder slice = op("slice", ELEMENTWISE, (t, a) -> a.get(0).slice(1, 1, 3));
        ops.add(slice.sample("middle axis", slice.u(-1, 1).of(2, 4, 3)).sample("matrix", slice.u(-1, 1).of(3, 5))
                .error("end past the axis", InvalidArgumentException.class, c -> c.backend().slice(c.ones(2, 3), 1, 1, 4))
                .error("axis out of range", ShapeMismatchException.class, c -> c.backend().slice(c.ones(2, 3), 2, 0, 1))
                .build());
        SpecBuilder sliceLast = op("slice[last axis]", ELEMENTWISE, (t, a) -> a.get(0).slice(-1, 0, 2));
        ops.add(sliceLast.sample("vector", sliceLast.u(-1, 1).of(5)).build());
        SpecBuilder pad = op("pad", ELEMENTWISE, (t, a) -> a.get(0).pad(new int[] {0, 1, 2, 0}, new int[] {1, 0, 2, 1}, 0.5));
        ops.add(pad.sample("NCHW", pad.u(-1, 1).of(2, 1, 3, 2))
                .error("wrong amount count", InvalidArgumentException.class,
                        c -> c.backend().pad(c.ones(2, 3), new int[] {1}, new int[] {1}, 0))
                .error("negative amount", InvalidArgumentException.class,
                        c -> c.backend().pad(c.ones(2, 3), new int[] {0, -1}, new int[] {0, 0}, 0))
                .build());
        SpecBuilder concat = op("concat", ELEMENTWISE, (t, a) -> t.concat(a, 1));
        ops.add(concat.sample("three parts", concat.u(-1, 1).of(2, 1, 3), concat.u(-1, 1).of(2, 2, 3), concat.u(-1, 1).of(2, 3, 3))
                .error("other axes differ", ShapeMismatchException.class,
                        c -> c.backend().concat(List.of(c.ones(2, 3), c.ones(3, 3)), 1))
                .error("mixed dtypes", DTypeMismatchException.class,
                        c -> c.backend().concat(List.of(c.ones(2, 3), c.onesOtherDType(2, 3)), 0))
                .build());
        SpecBuilder concat0 = op("concat[axis 0]", ELEMENTWISE, (t, a) -> t.concat(a, 0));
        ops.add(concat0.sample("vectors", concat0.u(-1, 1).of(3), concat0.u(-1, 1).of(1)).build());
    }

    private static void binary(List<OpSpec> ops) {
        binaryOp(ops, "add", Var::add, -2, 2, -2, 2);
        binaryOp(ops, "sub", Var::sub, -2, 2, -2, 2);
        binaryOp(ops, "mul", Var::mul, -2, 2, -2, 2);
        binaryOp(ops, "div", Var::div, -2, 2, 0.5, 2);
        binaryOp(ops, "maximum", Var::maximum, -2, 2, -2, 2);
        binaryOp(ops, "minimum", Var::minimum, -2, 2, -2, 2);
        SpecBuilder maxTies = op("maximum[ties]", ELEMENTWISE, (t, a) -> a.get(0).maximum(a.get(1)));
        ops.add(maxTies.sampleWithoutGradcheck("kink: integer ties", maxTies.ints(-1, 1).of(4, 5), maxTies.ints(-1, 1).of(4, 5)).build());
        for (String cmp : List.of("greater", "greaterEqual", "equal")) {
            SpecBuilder b = op(cmp, ELEMENTWISE, (t, a) -> t.constant(compare(cmp, a.get(0), a.get(1)))).notDifferentiable();
            ops.add(b.sample("ties", b.ints(-1, 1).of(3, 4), b.ints(-1, 1).of(3, 4))
                    .sample("broadcast", b.ints(-1, 1).of(3, 4), b.ints(-1, 1).of(4)).build());
        }
        SpecBuilder where = op("where", ELEMENTWISE, (t, a) -> t.where(a.get(0).greater(t.scalar(0, a.get(0).dtype())), a.get(1), a.get(2)));
        ops.add(where.sample("broadcast all three", where.c(-1, 1).of(3, 1), where.u(-1, 1).of(3, 4), where.u(-1, 1).of(4))
                .sample("same shapes", where.c(-1, 1).of(2, 3), where.u(-1, 1).of(2, 3), where.u(-1, 1).of(2, 3))
                .error("shapes do not broadcast", ShapeMismatchException.class,
                        c -> c.backend().where(c.ones(2), c.ones(3), c.ones(3)))
                .build());
    }

    private static Tensor compare(String cmp, Var a, Var b) {
        var backend = a.tape().backend();
        return switch (cmp) {
            case "greater" -> backend.greater(a.value(), b.value());
            case "greaterEqual" -> backend.greaterEqual(a.value(), b.value());
            default -> backend.equal(a.value(), b.value());
        };
    }

    private static void binaryOp(List<OpSpec> ops, String name, BinaryOperator<Var> f, double lo, double hi,
            double bLo, double bHi) {
        SpecBuilder s = op(name, ELEMENTWISE, (t, a) -> f.apply(a.get(0), a.get(1)));
        ops.add(s.sample("same shape", s.u(lo, hi).of(3, 4), s.u(bLo, bHi).of(3, 4))
                .sample("row broadcast", s.u(lo, hi).of(3, 4), s.u(bLo, bHi).of(4))
                .sample("both broadcast", s.u(lo, hi).of(2, 1, 4), s.u(bLo, bHi).of(3, 1))
                .sample("channel bias", s.u(lo, hi).of(2, 3, 2, 2), s.u(bLo, bHi).of(1, 3, 1, 1))
                .sample("scalar", s.u(lo, hi).of(), s.u(bLo, bHi).of(2, 3))
                .sample("size-1 odd", s.u(lo, hi).of(1, 7), s.u(bLo, bHi).of(5, 1))
                .error("shapes do not broadcast", ShapeMismatchException.class, c -> binaryCall(name, c, c.ones(2, 3), c.ones(4, 3)))
                .error("mixed dtypes", DTypeMismatchException.class, c -> binaryCall(name, c, c.ones(2, 3), c.onesOtherDType(2, 3)))
                .error("mixed backends", BackendMismatchException.class, c -> binaryCall(name, c, c.ones(2, 3), c.foreignOnes(2, 3)))
                .build());
    }

    private static void binaryCall(String name, ErrorCase.Context c, Tensor a, Tensor b) {
        var backend = c.backend();
        switch (name) {
            case "add" -> backend.add(a, b);
            case "sub" -> backend.sub(a, b);
            case "mul" -> backend.mul(a, b);
            case "div" -> backend.div(a, b);
            case "maximum" -> backend.maximum(a, b);
            default -> backend.minimum(a, b);
        }
    }

    private static void unary(List<OpSpec> ops) {
        unaryOp(ops, "neg", Var::neg, -2, 2);
        unaryOp(ops, "exp", Var::exp, -3, 3);
        unaryOp(ops, "log", Var::log, 0.1, 3);
        unaryOp(ops, "log1p", Var::log1p, -0.5, 2);
        unaryOp(ops, "sqrt", Var::sqrt, 0.1, 3);
        unaryOp(ops, "abs", Var::abs, -2, 2);
        unaryOp(ops, "tanh", Var::tanh, -3, 3);
        unaryOp(ops, "sigmoid", Var::sigmoid, -6, 6);
        unaryOp(ops, "relu", Var::relu, -2, 2);
        SpecBuilder sign = op("sign", ELEMENTWISE, (t, a) -> a.get(0).sign()).notDifferentiable();
        ops.add(sign.sample("with zeros", sign.ints(-2, 2).of(3, 5)).build());
        SpecBuilder kinks = op("relu[at 0]", ELEMENTWISE, (t, a) -> a.get(0).relu().add(a.get(0).abs()));
        ops.add(kinks.sampleWithoutGradcheck("kink: integers with zeros", kinks.ints(-2, 2).of(4, 4)).build());
        SpecBuilder reluBackward = op("reluBackward", ELEMENTWISE,
                (t, a) -> t.constant(t.backend().reluBackward(a.get(0).value(), a.get(1).value()))).notDifferentiable();
        ops.add(reluBackward.sample("outputs with zeros", reluBackward.ints(-1, 2).of(4, 5), reluBackward.u(-2, 2).of(4, 5))
                .sample("4-D", reluBackward.u(-1, 1).of(2, 1, 2, 3), reluBackward.u(-2, 2).of(2, 1, 2, 3))
                .error("shapes differ", ShapeMismatchException.class,
                        c -> c.backend().reluBackward(c.ones(2, 3), c.ones(3)))
                .error("mixed backends", BackendMismatchException.class,
                        c -> c.backend().reluBackward(c.ones(2, 3), c.foreignOnes(2, 3)))
                .build());
        nonFinite(ops, "neg", Var::neg);
        nonFinite(ops, "exp", Var::exp);
        nonFinite(ops, "log", Var::log);
        nonFinite(ops, "log1p", Var::log1p);
        nonFinite(ops, "sqrt", Var::sqrt);
        nonFinite(ops, "abs", Var::abs);
        nonFinite(ops, "sign", Var::sign);
        nonFinite(ops, "tanh", Var::tanh);
        nonFinite(ops, "sigmoid", Var::sigmoid);
        nonFinite(ops, "relu", Var::relu);
        SpecBuilder extreme = op("sigmoid[extreme]", ELEMENTWISE, (t, a) -> a.get(0).sigmoid());
        ops.add(extreme.sampleRelative("large magnitude, relative: sigmoid(-60) = 8.8e-27", extreme.u(-60, 60).of(20)).build());
    }

    /** NaN, infinities, signed zeros and values outside the domain: forward values only. */
    private static void nonFinite(List<OpSpec> ops, String name, UnaryOperator<Var> f) {
        SpecBuilder s = op(name + "[non-finite]", ELEMENTWISE, (t, a) -> f.apply(a.get(0))).notDifferentiable();
        double[] values = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0.0, -0.0, 1.0, -1.0, -2.5};
        ops.add(s.sample("NaN, infinities, zeros, negatives", new Arg(Shape.of(values.length), values, false)).build());
    }

    private static void unaryOp(List<OpSpec> ops, String name, UnaryOperator<Var> f, double lo, double hi) {
        SpecBuilder s = op(name, ELEMENTWISE, (t, a) -> f.apply(a.get(0)));
        ops.add(s.sample("matrix", s.u(lo, hi).of(3, 5)).sample("scalar", s.u(lo, hi).of())
                .sample("4-D", s.u(lo, hi).of(2, 1, 2, 3)).build());
    }

    private static void reductions(List<OpSpec> ops) {
        SpecBuilder squares = op("sumOfSquares", REDUCTION,
                (t, a) -> t.constant(t.backend().sumOfSquares(a.get(0).value()))).notDifferentiable();
        ops.add(squares.sample("matrix", squares.u(-2, 2).of(4, 5)).sample("scalar", squares.u(-2, 2).of())
                .sample("long vector", squares.u(-1, 1).of(10001)).build());
        reduction(ops, "sum", (v, k, ax) -> v.sum(k, ax));
        reduction(ops, "mean", (v, k, ax) -> v.mean(k, ax));
        reduction(ops, "max", (v, k, ax) -> v.max(k, ax));
        SpecBuilder ties = op("max[ties]", REDUCTION, (t, a) -> a.get(0).max(false, 1));
        ops.add(ties.sampleWithoutGradcheck("kink: integer ties", ties.ints(-1, 1).of(4, 6))
                .error("empty axis", ShapeMismatchException.class, c -> c.backend().max(c.ones(2, 0), false, 1))
                .build());
    }

    /** A reduction with its axes and keep-dims flag. */
    @FunctionalInterface
    private interface Reduce {
        Var apply(Var v, boolean keepDims, int... axes);
    }

    private static void reduction(List<OpSpec> ops, String name, Reduce r) {
        int[][] axesSets = {{}, {1}, {0, 2}, {-1}};
        for (int[] axes : axesSets) {
            for (boolean keep : new boolean[] {false, true}) {
                String label = name + "[axes " + Arrays.toString(axes) + (keep ? ", keep" : "") + "]";
                SpecBuilder s = op(label, REDUCTION, (t, a) -> r.apply(a.get(0), keep, axes));
                s.sample("3-D", s.u(-2, 2).of(3, 4, 5)).sample("size-1 axes", s.u(-2, 2).of(1, 3, 1));
                if (axes.length == 0 && !keep) {
                    s.error("axis listed twice", InvalidArgumentException.class, c -> c.backend().sum(c.ones(2, 3), false, 1, -1))
                            .error("axis out of range", ShapeMismatchException.class, c -> c.backend().mean(c.ones(2, 3), false, 2));
                }
                ops.add(s.build());
            }
        }
    }

    private static void matmul(List<OpSpec> ops) {
        for (boolean ta : new boolean[] {false, true}) {
            for (boolean tb : new boolean[] {false, true}) {
                SpecBuilder s = op("matmul[" + (ta ? "A^T" : "A") + "," + (tb ? "B^T" : "B") + "]", REDUCTION,
                        (t, a) -> a.get(0).matmul(a.get(1), ta, tb));
                s.sample("odd sizes", s.u(-1, 1).of(ta ? 7 : 5, ta ? 5 : 7), s.u(-1, 1).of(tb ? 3 : 7, tb ? 7 : 3))
                        .sample("vector-like", s.u(-1, 1).of(1, 1), s.u(-1, 1).of(tb ? 4 : 1, tb ? 1 : 4))
                        .sample("blocked sizes", s.u(-1, 1).of(ta ? 70 : 33, ta ? 33 : 70), s.u(-1, 1).of(tb ? 65 : 70, tb ? 70 : 65));
                if (!ta && !tb) {
                    s.error("inner dimensions differ", ShapeMismatchException.class, c -> c.backend().matmul(c.ones(2, 3), c.ones(4, 2), false, false))
                            .error("rank 3", ShapeMismatchException.class, c -> c.backend().matmul(c.ones(2, 3, 4), c.ones(4, 2), false, false))
                            .error("mixed dtypes", DTypeMismatchException.class, c -> c.backend().matmul(c.ones(2, 3), c.onesOtherDType(3, 2), false, false))
                            .error("mixed backends", BackendMismatchException.class, c -> c.backend().matmul(c.ones(2, 3), c.foreignOnes(3, 2), false, false));
                }
                ops.add(s.build());
            }
        }
    }

    private static void linear(List<OpSpec> ops) {
        SpecBuilder s = op("linear", REDUCTION, (t, a) -> a.get(0).linear(a.get(1), a.get(2)));
        ops.add(s.sample("odd sizes", s.u(-1, 1).of(5, 7), s.u(-1, 1).of(3, 7), s.u(-1, 1).of(3))
                .sample("one row", s.u(-1, 1).of(1, 4), s.u(-1, 1).of(2, 4), s.u(-1, 1).of(2))
                .sample("blocked sizes", s.u(-1, 1).of(33, 70), s.u(-1, 1).of(65, 70), s.u(-1, 1).of(65))
                .error("bias does not match the weight", ShapeMismatchException.class,
                        c -> c.backend().linear(c.ones(2, 3), c.ones(4, 3), c.ones(3)))
                .error("weight does not match the input", ShapeMismatchException.class,
                        c -> c.backend().linear(c.ones(2, 3), c.ones(4, 2), c.ones(4)))
                .error("mixed backends", BackendMismatchException.class,
                        c -> c.backend().linear(c.ones(2, 3), c.ones(4, 3), c.foreignOnes(4)))
                .build());
    }

    private static void convolution(List<OpSpec> ops) {
        int[][] configs = {{1, 0}, {1, 1}, {2, 1}, {2, 0}, {2, 2}};
        for (int[] sp : configs) {
            Conv2dParams p = Conv2dParams.of(sp[0], sp[1]);
            String tag = "[s" + sp[0] + ",p" + sp[1] + "]";
            SpecBuilder conv = op("conv2d" + tag, REDUCTION, (t, a) -> a.get(0).conv2d(a.get(1), p));
            conv.sample("3x3 kernel, odd input", conv.u(-1, 1).of(2, 3, 7, 6), conv.u(-1, 1).of(4, 3, 3, 3))
                    .sample("2x3 kernel, one channel", conv.u(-1, 1).of(1, 1, 5, 5), conv.u(-1, 1).of(2, 1, 2, 3))
                    .sample("1x1 kernel", conv.u(-1, 1).of(2, 2, 4, 4), conv.u(-1, 1).of(3, 2, 1, 1));
            if (sp[0] == 1 && sp[1] == 0) {
                conv.error("channel mismatch", ShapeMismatchException.class,
                                c -> c.backend().conv2d(c.ones(1, 2, 5, 5), c.ones(3, 4, 3, 3), p))
                        .error("kernel larger than input", ShapeMismatchException.class,
                                c -> c.backend().conv2d(c.ones(1, 1, 2, 2), c.ones(1, 1, 3, 3), p))
                        .error("rank 3 input", ShapeMismatchException.class,
                                c -> c.backend().conv2d(c.ones(1, 5, 5), c.ones(1, 1, 3, 3), p))
                        .error("mixed backends", BackendMismatchException.class,
                                c -> c.backend().conv2d(c.ones(1, 1, 5, 5), c.foreignOnes(1, 1, 3, 3), p));
            }
            ops.add(conv.build());

            Shape in = Shape.of(2, 3, 7, 6);
            Shape w = Shape.of(4, 3, 3, 3);
            Shape out = Shapes.conv2d(in, w, p);
            SpecBuilder ig = op("conv2dInputGrad" + tag, REDUCTION,
                    (t, a) -> t.constant(t.backend().conv2dInputGrad(a.get(0).value(), a.get(1).value(), in, p))).notDifferentiable();
            ig.sample("3x3 kernel", ig.u(-1, 1).of(out.dims()), ig.u(-1, 1).of(w.dims()))
                    .error("gradient shape does not match", ShapeMismatchException.class,
                            c -> c.backend().conv2dInputGrad(c.ones(2, 4, 1, 1), c.ones(w.dims()), in, p));
            ops.add(ig.build());
            SpecBuilder wg = op("conv2dWeightGrad" + tag, REDUCTION,
                    (t, a) -> t.constant(t.backend().conv2dWeightGrad(a.get(0).value(), a.get(1).value(), w, p))).notDifferentiable();
            wg.sample("3x3 kernel", wg.u(-1, 1).of(in.dims()), wg.u(-1, 1).of(out.dims()))
                    .error("gradient shape does not match", ShapeMismatchException.class,
                            c -> c.backend().conv2dWeightGrad(c.ones(in.dims()), c.ones(2, 4, 1, 1), w, p));
            ops.add(wg.build());
            for (int outPad = 0; outPad < sp[0]; outPad++) {
                int op = outPad;
                SpecBuilder tr = op("conv2dTranspose" + tag.replace("]", ",op" + op + "]"), REDUCTION,
                        (t, a) -> a.get(0).conv2dTranspose(a.get(1), p, op, op));
                tr.sample("3x3 kernel", tr.u(-1, 1).of(2, 3, 4, 5), tr.u(-1, 1).of(3, 2, 3, 3))
                        .sample("2x3 kernel", tr.u(-1, 1).of(1, 2, 3, 3), tr.u(-1, 1).of(2, 4, 2, 3));
                if (op == 0 && sp[0] == 2) {
                    tr.error("output padding not below stride", InvalidArgumentException.class,
                                    c -> c.backend().conv2dTranspose(c.ones(1, 1, 3, 3), c.ones(1, 1, 3, 3), p, 2, 0))
                            .error("channel mismatch", ShapeMismatchException.class,
                                    c -> c.backend().conv2dTranspose(c.ones(1, 2, 3, 3), c.ones(3, 1, 3, 3), p, 0, 0));
                }
                ops.add(tr.build());
            }
        }
        SpecBuilder asym = op("conv2dTranspose[s2x1,p1x0,op1x0]", REDUCTION,
                (t, a) -> a.get(0).conv2dTranspose(a.get(1), new Conv2dParams(2, 1, 1, 0), 1, 0));
        ops.add(asym.sample("asymmetric stride", asym.u(-1, 1).of(2, 2, 3, 4), asym.u(-1, 1).of(2, 3, 3, 2)).build());
        SpecBuilder asymConv = op("conv2d[s1x2,p0x1]", REDUCTION, (t, a) -> a.get(0).conv2d(a.get(1), new Conv2dParams(1, 2, 0, 1)));
        ops.add(asymConv.sample("asymmetric stride", asymConv.u(-1, 1).of(2, 2, 5, 6), asymConv.u(-1, 1).of(3, 2, 3, 2)).build());
    }

    private static void composites(List<OpSpec> ops) {
        SpecBuilder softplus = composite("softplus", (t, a) -> Functions.softplus(a.get(0)));
        ops.add(softplus.sample("moderate", softplus.u(-5, 5).of(4, 5)).sampleRelative("large magnitude, relative: softplus(-40) = 4.2e-18", softplus.u(-40, 40).of(10))
                .sampleWithoutGradcheck("kink at 0", new Arg(Shape.of(2), new double[] {0, -0.0}, true)).build());
        SpecBuilder logSigmoid = composite("logSigmoid", (t, a) -> Functions.logSigmoid(a.get(0)));
        ops.add(logSigmoid.sample("moderate", logSigmoid.u(-5, 5).of(4, 5)).sampleRelative("large magnitude, relative: logSigmoid(40) = -4.2e-18",
                logSigmoid.u(-40, 40).of(10)).build());
        SpecBuilder bceLogits = composite("bceWithLogits", (t, a) -> Functions.bceWithLogits(a.get(0), a.get(1)));
        ops.add(bceLogits.sample("pixels", bceLogits.u(-6, 6).of(3, 8), bceLogits.c(0, 1).of(3, 8))
                .sample("large logits", bceLogits.u(-50, 50).of(12), bceLogits.c(0, 1).of(12)).build());
        SpecBuilder cell = composite("lstmCell", (t, a) -> {
            LstmState next = Functions.lstmCell(a.get(0), a.get(1));
            return t.concat(List.of(next.hidden(), next.cell()), 1);
        });
        ops.add(cell.sample("hidden 2", cell.u(-3, 3).of(3, 8), cell.u(-2, 2).of(3, 2))
                .sample("split over threads", cell.u(-3, 3).of(60, 256), cell.u(-2, 2).of(60, 64))
                .error("gates not 4h", ShapeMismatchException.class, c -> c.backend().lstmCell(c.ones(2, 6), c.ones(2, 2)))
                .error("batch differs", ShapeMismatchException.class, c -> c.backend().lstmCell(c.ones(3, 8), c.ones(2, 2)))
                .error("mixed backends", BackendMismatchException.class, c -> c.backend().lstmCell(c.ones(2, 8), c.foreignOnes(2, 2)))
                .error("backward: a gradient of another shape", ShapeMismatchException.class,
                        c -> c.backend().lstmCellBackward(c.ones(2, 8), c.ones(2, 2), c.ones(2, 2), c.ones(2, 3), c.ones(2, 2)))
                .build());
        SpecBuilder twoGates = composite("lstmCell[input and hidden gates]", (t, a) -> {
            LstmState next = Functions.lstmCell(a.get(0), a.get(1), a.get(2));
            return t.concat(List.of(next.hidden(), next.cell()), 1);
        });
        ops.add(twoGates.sample("hidden 2", twoGates.u(-3, 3).of(3, 8), twoGates.u(-3, 3).of(3, 8), twoGates.u(-2, 2).of(3, 2))
                .sample("split over threads", twoGates.u(-3, 3).of(60, 256), twoGates.u(-3, 3).of(60, 256),
                        twoGates.u(-2, 2).of(60, 64))
                .error("gates of two shapes", ShapeMismatchException.class,
                        c -> c.backend().lstmCell(c.ones(2, 8), c.ones(2, 4), c.ones(2, 2)))
                .error("mixed backends", BackendMismatchException.class,
                        c -> c.backend().lstmCell(c.ones(2, 8), c.foreignOnes(2, 8), c.ones(2, 2)))
                .build());
        SpecBuilder hidden = composite("lstmCell[hidden only]", (t, a) -> Functions.lstmCell(a.get(0), a.get(1)).hidden());
        ops.add(hidden.sample("no gradient reaches the new cell state", hidden.u(-3, 3).of(4, 12), hidden.u(-2, 2).of(4, 3)).build());
        SpecBuilder bce = composite("bce", (t, a) -> Functions.bce(a.get(0), a.get(1)));
        ops.add(bce.sample("probabilities", bce.u(0.05, 0.95).of(3, 8), bce.c(0, 1).of(3, 8)).build());
        SpecBuilder bceClamp = composite("bce[clamped]", (t, a) -> Functions.bce(a.get(0), a.get(1)));
        ops.add(bceClamp.sampleWithoutGradcheck("kink: saturated probabilities at the log clamp",
                new Arg(Shape.of(4), new double[] {0, 1, 0, 1}, true), new Arg(Shape.of(4), new double[] {1, 0, 0, 1}, false)).build());
        SpecBuilder se = composite("squaredError", (t, a) -> Functions.squaredError(a.get(0), a.get(1)));
        ops.add(se.sample("broadcast", se.u(-2, 2).of(3, 4), se.u(-2, 2).of(4)).build());
        SpecBuilder mse = composite("mse", (t, a) -> Functions.mse(a.get(0), a.get(1)));
        ops.add(mse.sample("batch", mse.u(-2, 2).of(5, 6), mse.u(-2, 2).of(5, 6)).build());
        SpecBuilder kl = composite("klToStdNormal", (t, a) -> Functions.klToStdNormal(a.get(0), a.get(1)));
        ops.add(kl.sample("latent 2", kl.u(-2, 2).of(4, 2), kl.u(-3, 2).of(4, 2))
                .sample("latent 3-D", kl.u(-2, 2).of(2, 3, 2), kl.u(-3, 2).of(2, 3, 2)).build());
        SpecBuilder lse = composite("logSumExp", (t, a) -> Functions.logSumExp(a.get(0), 1, false));
        ops.add(lse.sample("moderate", lse.u(-3, 3).of(3, 5)).sample("large values", lse.u(500, 800).of(2, 4)).build());
        SpecBuilder lseKeep = composite("logSumExp[keep]", (t, a) -> Functions.logSumExp(a.get(0), -1, true));
        ops.add(lseKeep.sample("3-D", lseKeep.u(-3, 3).of(2, 3, 4)).build());
        SpecBuilder leaky = composite("leakyRelu", (t, a) -> a.get(0).leakyRelu(0.01));
        ops.add(leaky.sample("matrix", leaky.u(-2, 2).of(4, 5)).sampleWithoutGradcheck("kink at 0",
                new Arg(Shape.of(3), new double[] {0, -0.0, 1}, true)).build());
    }
}
