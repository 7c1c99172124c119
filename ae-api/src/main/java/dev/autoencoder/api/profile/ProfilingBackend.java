package dev.autoencoder.api.profile;

import dev.autoencoder.api.AdamCoefficients;
import dev.autoencoder.api.AdamUpdate;
import dev.autoencoder.api.BackendMismatchException;
import dev.autoencoder.api.Capabilities;
import dev.autoencoder.api.Conv2dParams;
import dev.autoencoder.api.DType;
import dev.autoencoder.api.LstmCellGradients;
import dev.autoencoder.api.LstmCellOutput;
import dev.autoencoder.api.Shape;
import dev.autoencoder.api.Tensor;
import dev.autoencoder.api.TensorBackend;
import dev.autoencoder.api.TensorScope;
import java.nio.FloatBuffer;
import java.util.List;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;
import java.util.function.UnaryOperator;

/**
 * A backend that computes with another one and records, per primitive, the calls, the wall time and the FLOPs
 * (see {@link Flops}) in an {@link OpProfile}. Its tensors wrap the inner backend's, so everything built on it
 * (models, the tape, optimizers, which compute with {@code tensor.backend()}) is profiled, and results are exactly
 * the inner backend's. The CPU engines behind every backend compute eagerly, so a call's wall time is its cost.
 * The overhead is two clock reads and one small object per call.
 */
public final class ProfilingBackend implements TensorBackend {
    private final TensorBackend inner;
    private final OpProfile profile;

    /** Profiles {@code inner} into {@code profile}. */
    public ProfilingBackend(TensorBackend inner, OpProfile profile) {
        this.inner = inner;
        this.profile = profile;
    }

    /** The backend that computes. */
    public TensorBackend inner() {
        return inner;
    }

    /** Where the calls are recorded. */
    public OpProfile profile() {
        return profile;
    }

    /** A tensor of the inner backend, seen through this one. */
    private record Profiled(Tensor value, ProfilingBackend backend) implements Tensor {
        @Override
        public Shape shape() {
            return value.shape();
        }

        @Override
        public DType dtype() {
            return value.dtype();
        }

        @Override
        public String toString() {
            return value.toString();
        }
    }

    private Tensor in(Tensor t) {
        if (t instanceof Profiled p && p.backend == this) {
            return p.value;
        }
        throw new BackendMismatchException("operand of backend '" + t.backend().name() + "' passed to the profiling "
                + "backend over '" + inner.name() + "'");
    }

    private Tensor wrap(Tensor t) {
        return new Profiled(t, this);
    }

    private <T> T timed(String op, Supplier<T> call, ToLongFunction<T> flops) {
        long start = System.nanoTime();
        T result = call.get();
        long nanos = System.nanoTime() - start;
        profile.record(op, nanos, flops.applyAsLong(result));
        return result;
    }

    private <T> T timed(String op, Supplier<T> call) {
        return timed(op, call, r -> 0L);
    }

    private Tensor tensor(String op, Supplier<Tensor> call) {
        return wrap(timed(op, call));
    }

    @Override
    public String name() {
        return inner.name();
    }

    @Override
    public String version() {
        return inner.version();
    }

    @Override
    public Capabilities capabilities() {
        return inner.capabilities();
    }

    @Override
    public Tensor fromFloats(FloatBuffer data, Shape shape) {
        return tensor("fromFloats", () -> inner.fromFloats(data, shape));
    }

    @Override
    public Tensor fromDoubles(double[] data, Shape shape) {
        return tensor("fromDoubles", () -> inner.fromDoubles(data, shape));
    }

    @Override
    public Tensor fromDoubles(double[] data, Shape shape, DType dtype) {
        return tensor("fromDoubles", () -> inner.fromDoubles(data, shape, dtype));
    }

    @Override
    public Tensor full(Shape shape, DType dtype, double value) {
        return tensor("full", () -> inner.full(shape, dtype, value));
    }

    @Override
    public Tensor zeros(Shape shape, DType dtype) {
        return tensor("full", () -> inner.zeros(shape, dtype));
    }

    @Override
    public Tensor scalar(double value, DType dtype) {
        return tensor("full", () -> inner.scalar(value, dtype));
    }

    @Override
    public void toFloats(Tensor t, FloatBuffer into) {
        Tensor v = in(t);
        timed("toFloats", () -> {
            inner.toFloats(v, into);
            return into;
        });
    }

    @Override
    public double[] toDoubles(Tensor t) {
        Tensor v = in(t);
        return timed("toDoubles", () -> inner.toDoubles(v));
    }

    @Override
    public Tensor cast(Tensor t, DType dtype) {
        Tensor v = in(t);
        return tensor("cast", () -> inner.cast(v, dtype));
    }

    @Override
    public Tensor reshape(Tensor t, Shape shape) {
        Tensor v = in(t);
        return tensor("reshape", () -> inner.reshape(v, shape));
    }

    @Override
    public Tensor permute(Tensor t, int... axes) {
        Tensor v = in(t);
        return tensor("permute", () -> inner.permute(v, axes));
    }

    @Override
    public Tensor broadcastTo(Tensor t, Shape shape) {
        Tensor v = in(t);
        return tensor("broadcastTo", () -> inner.broadcastTo(v, shape));
    }

    @Override
    public Tensor slice(Tensor t, int axis, int start, int end) {
        Tensor v = in(t);
        return tensor("slice", () -> inner.slice(v, axis, start, end));
    }

    @Override
    public Tensor pad(Tensor t, int[] before, int[] after, double value) {
        Tensor v = in(t);
        return tensor("pad", () -> inner.pad(v, before, after, value));
    }

    @Override
    public Tensor concat(List<Tensor> parts, int axis) {
        List<Tensor> values = parts.stream().map(this::in).toList();
        return tensor("concat", () -> inner.concat(values, axis));
    }

    private interface Binary {
        Tensor apply(Tensor a, Tensor b);
    }

    private Tensor binary(String op, Binary f, Tensor a, Tensor b) {
        Tensor va = in(a);
        Tensor vb = in(b);
        return tensor(op, () -> f.apply(va, vb));
    }

    @Override
    public Tensor add(Tensor a, Tensor b) {
        return binary("add", inner::add, a, b);
    }

    @Override
    public Tensor sub(Tensor a, Tensor b) {
        return binary("sub", inner::sub, a, b);
    }

    @Override
    public Tensor mul(Tensor a, Tensor b) {
        return binary("mul", inner::mul, a, b);
    }

    @Override
    public Tensor div(Tensor a, Tensor b) {
        return binary("div", inner::div, a, b);
    }

    @Override
    public Tensor maximum(Tensor a, Tensor b) {
        return binary("maximum", inner::maximum, a, b);
    }

    @Override
    public Tensor minimum(Tensor a, Tensor b) {
        return binary("minimum", inner::minimum, a, b);
    }

    @Override
    public Tensor greater(Tensor a, Tensor b) {
        return binary("greater", inner::greater, a, b);
    }

    @Override
    public Tensor greaterEqual(Tensor a, Tensor b) {
        return binary("greaterEqual", inner::greaterEqual, a, b);
    }

    @Override
    public Tensor equal(Tensor a, Tensor b) {
        return binary("equal", inner::equal, a, b);
    }

    @Override
    public Tensor where(Tensor cond, Tensor a, Tensor b) {
        Tensor vc = in(cond);
        Tensor va = in(a);
        Tensor vb = in(b);
        return tensor("where", () -> inner.where(vc, va, vb));
    }

    private Tensor unary(String op, UnaryOperator<Tensor> f, Tensor t) {
        Tensor v = in(t);
        return tensor(op, () -> f.apply(v));
    }

    @Override
    public Tensor neg(Tensor t) {
        return unary("neg", inner::neg, t);
    }

    @Override
    public Tensor exp(Tensor t) {
        return unary("exp", inner::exp, t);
    }

    @Override
    public Tensor log(Tensor t) {
        return unary("log", inner::log, t);
    }

    @Override
    public Tensor log1p(Tensor t) {
        return unary("log1p", inner::log1p, t);
    }

    @Override
    public Tensor sqrt(Tensor t) {
        return unary("sqrt", inner::sqrt, t);
    }

    @Override
    public Tensor abs(Tensor t) {
        return unary("abs", inner::abs, t);
    }

    @Override
    public Tensor sign(Tensor t) {
        return unary("sign", inner::sign, t);
    }

    @Override
    public Tensor tanh(Tensor t) {
        return unary("tanh", inner::tanh, t);
    }

    @Override
    public Tensor sigmoid(Tensor t) {
        return unary("sigmoid", inner::sigmoid, t);
    }

    @Override
    public Tensor relu(Tensor t) {
        return unary("relu", inner::relu, t);
    }

    @Override
    public Tensor sumOfSquares(Tensor t) {
        return unary("sumOfSquares", inner::sumOfSquares, t);
    }

    @Override
    public Tensor reluBackward(Tensor y, Tensor grad) {
        return binary("reluBackward", inner::reluBackward, y, grad);
    }

    @Override
    public Tensor bceWithLogits(Tensor z, Tensor t) {
        return binary("bceWithLogits", inner::bceWithLogits, z, t);
    }

    @Override
    public LstmCellOutput lstmCell(Tensor gates, Tensor cell) {
        Tensor vg = in(gates);
        Tensor vc = in(cell);
        LstmCellOutput out = timed("lstmCell", () -> inner.lstmCell(vg, vc));
        return new LstmCellOutput(wrap(out.hidden()), wrap(out.cell()), wrap(out.activations()));
    }

    @Override
    public LstmCellOutput lstmCell(Tensor inputGates, Tensor hiddenGates, Tensor cell) {
        Tensor vi = in(inputGates);
        Tensor vh = in(hiddenGates);
        Tensor vc = in(cell);
        LstmCellOutput out = timed("lstmCell", () -> inner.lstmCell(vi, vh, vc));
        return new LstmCellOutput(wrap(out.hidden()), wrap(out.cell()), wrap(out.activations()));
    }

    @Override
    public LstmCellGradients lstmCellBackward(Tensor activations, Tensor cell, Tensor newCell, Tensor gradHidden,
            Tensor gradNewCell) {
        Tensor va = in(activations);
        Tensor vc = in(cell);
        Tensor vn = in(newCell);
        Tensor vh = in(gradHidden);
        Tensor vd = in(gradNewCell);
        LstmCellGradients grads = timed("lstmCellBackward", () -> inner.lstmCellBackward(va, vc, vn, vh, vd));
        return new LstmCellGradients(wrap(grads.gates()), wrap(grads.cell()));
    }

    @Override
    public Tensor sum(Tensor t, boolean keepDims, int... axes) {
        return unary("sum", v -> inner.sum(v, keepDims, axes), t);
    }

    @Override
    public Tensor mean(Tensor t, boolean keepDims, int... axes) {
        return unary("mean", v -> inner.mean(v, keepDims, axes), t);
    }

    @Override
    public Tensor max(Tensor t, boolean keepDims, int... axes) {
        return unary("max", v -> inner.max(v, keepDims, axes), t);
    }

    @Override
    public Tensor matmul(Tensor a, Tensor b, boolean transposeA, boolean transposeB) {
        Tensor va = in(a);
        Tensor vb = in(b);
        return wrap(timed("matmul", () -> inner.matmul(va, vb, transposeA, transposeB),
                r -> Flops.matmul(va.shape(), r.shape(), transposeA)));
    }

    @Override
    public Tensor linear(Tensor x, Tensor weight, Tensor bias) {
        Tensor vx = in(x);
        Tensor vw = in(weight);
        Tensor vb = in(bias);
        return wrap(timed("linear", () -> inner.linear(vx, vw, vb), r -> Flops.matmul(vx.shape(), r.shape(), false)));
    }

    @Override
    public Tensor conv2d(Tensor x, Tensor weight, Conv2dParams params) {
        Tensor vx = in(x);
        Tensor vw = in(weight);
        return wrap(timed("conv2d", () -> inner.conv2d(vx, vw, params), r -> Flops.conv2d(r.shape(), vw.shape())));
    }

    @Override
    public Tensor conv2dInputGrad(Tensor gradOut, Tensor weight, Shape inputShape, Conv2dParams params) {
        Tensor vg = in(gradOut);
        Tensor vw = in(weight);
        return wrap(timed("conv2dInputGrad", () -> inner.conv2dInputGrad(vg, vw, inputShape, params),
                r -> Flops.conv2d(vg.shape(), vw.shape())));
    }

    @Override
    public Tensor conv2dWeightGrad(Tensor x, Tensor gradOut, Shape weightShape, Conv2dParams params) {
        Tensor vx = in(x);
        Tensor vg = in(gradOut);
        return wrap(timed("conv2dWeightGrad", () -> inner.conv2dWeightGrad(vx, vg, weightShape, params),
                r -> Flops.conv2d(vg.shape(), weightShape)));
    }

    @Override
    public Tensor conv2dTranspose(Tensor x, Tensor weight, Conv2dParams params, int outPadH, int outPadW) {
        Tensor vx = in(x);
        Tensor vw = in(weight);
        return wrap(timed("conv2dTranspose", () -> inner.conv2dTranspose(vx, vw, params, outPadH, outPadW),
                r -> Flops.conv2dTranspose(vx.shape(), vw.shape())));
    }

    @Override
    public AdamUpdate adamStep(Tensor param, Tensor grad, Tensor m, Tensor v, AdamCoefficients c) {
        return adam(param, grad, m, v, (p, g, m1, v1) -> inner.adamStep(p, g, m1, v1, c));
    }

    @Override
    public AdamUpdate adamStepInPlace(Tensor param, Tensor grad, Tensor m, Tensor v, AdamCoefficients c) {
        return adam(param, grad, m, v, (p, g, m1, v1) -> inner.adamStepInPlace(p, g, m1, v1, c));
    }

    /** Times one of the inner backend's Adam steps; a tensor it updated in place keeps this backend's handle. */
    private AdamUpdate adam(Tensor param, Tensor grad, Tensor m, Tensor v, AdamCall call) {
        Tensor vp = in(param);
        Tensor vg = in(grad);
        Tensor vm = in(m);
        Tensor vv = in(v);
        AdamUpdate u = timed("adamStep", () -> call.step(vp, vg, vm, vv));
        return new AdamUpdate(u.param() == vp ? param : wrap(u.param()), u.m() == vm ? m : wrap(u.m()),
                u.v() == vv ? v : wrap(u.v()));
    }

    /** One of the inner backend's Adam steps. */
    @FunctionalInterface
    private interface AdamCall {
        AdamUpdate step(Tensor param, Tensor grad, Tensor m, Tensor v);
    }

    @Override
    public TensorScope newScope() {
        TensorScope scope = inner.newScope();
        return new TensorScope() {
            @Override
            public Tensor keep(Tensor t) {
                Tensor v = in(t);
                Tensor kept = scope.keep(v);
                return kept == v ? t : wrap(kept);
            }

            @Override
            public void close() {
                timed("closeScope", () -> {
                    scope.close();
                    return Boolean.TRUE;
                });
            }
        };
    }

    @Override
    public void release(Tensor t) {
        inner.release(in(t));
    }
}
