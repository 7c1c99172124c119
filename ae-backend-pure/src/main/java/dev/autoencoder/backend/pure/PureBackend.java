package dev.autoencoder.backend.pure;

import dev.autoencoder.api.AdamCoefficients;
import dev.autoencoder.api.AdamUpdate;
import dev.autoencoder.api.Capabilities;
import dev.autoencoder.api.Conv2dParams;
import dev.autoencoder.api.DType;
import dev.autoencoder.api.LstmCellGradients;
import dev.autoencoder.api.LstmCellOutput;
import dev.autoencoder.api.Shape;
import dev.autoencoder.api.Shapes;
import dev.autoencoder.api.Tensor;
import dev.autoencoder.api.TensorBackend;
import dev.autoencoder.api.TensorScope;
import dev.autoencoder.backend.pure.Elementwise.BinaryOp;
import dev.autoencoder.backend.pure.Elementwise.UnaryOp;
import dev.autoencoder.backend.pure.kernel.AdamKernel;
import dev.autoencoder.backend.pure.kernel.Conv2d;
import dev.autoencoder.backend.pure.kernel.ConvGeometry;
import dev.autoencoder.backend.pure.kernel.Gemm;
import dev.autoencoder.backend.pure.kernel.Parallel;
import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The {@link TensorBackend} in plain Java: heap arrays, no native code. F32 matrix products and convolutions
 * use cache-blocked, multi-threaded kernels; F64 uses simple reference loops, which makes it the oracle of the
 * conformance suite. Results are deterministic for a fixed thread count. A scope lends the F32 arrays of the
 * tensors created in it and takes them back when it closes, for the next scope to reuse ({@link Arena}); outside
 * scopes, and for F64, the garbage collector reclaims memory.
 */
public final class PureBackend implements TensorBackend {
    /** The selection name. */
    public static final String NAME = "pure";

    private final Parallel parallel;
    private final Gemm gemm;
    private final Conv2d conv;
    private final AdamKernel adam;
    private final Capabilities capabilities;
    private final Arena arena = new Arena();

    /** A backend computing with {@code threads} threads (1 = on the caller's thread only). */
    public PureBackend(int threads) {
        this.parallel = new Parallel(threads);
        this.gemm = new Gemm(parallel);
        this.conv = new Conv2d(parallel, gemm, arena::zeroedFloats);
        this.adam = new AdamKernel(parallel);
        this.capabilities = new Capabilities(Set.of(DType.F32, DType.F64), "cpu", threads);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String version() {
        String v = PureBackend.class.getPackage().getImplementationVersion();
        return "java " + Runtime.version().feature() + (v != null ? ", ae " + v : "") + ", " + gemm.kernelName() + " products";
    }

    @Override
    public Capabilities capabilities() {
        return capabilities;
    }

    private PureTensor p(Tensor t) {
        return (PureTensor) t;
    }

    private PureTensor wrap(Shape shape, Object data) {
        return PureTensor.ofArray(this, shape, data);
    }

    private PureTensor wrap(Shape shape, double[] values, DType dtype) {
        return dtype == DType.F64 ? PureTensor.of(this, shape, values) : wrap(shape, toFloat(values, arena.floats(values.length)));
    }

    /** {@code d} rounded to F32 into {@code f}, of the same length. */
    private static float[] toFloat(double[] d, float[] f) {
        for (int i = 0; i < d.length; i++) {
            f[i] = (float) d[i];
        }
        return f;
    }

    /** The lease of {@code array} if a scope open on this thread lent it, else null. */
    Arena.Lease leaseOf(float[] array) {
        return arena.leaseOf(array);
    }

    // ---------------------------------------------------------------- creation and transfer

    @Override
    public Tensor fromFloats(FloatBuffer data, Shape shape) {
        Shapes.dataLength(data.remaining(), shape);
        float[] copy = arena.floats(shape.size());
        data.get(data.position(), copy);
        return PureTensor.of(this, shape, copy);
    }

    @Override
    public Tensor fromDoubles(double[] data, Shape shape) {
        Shapes.dataLength(data.length, shape);
        return PureTensor.of(this, shape, data.clone());
    }

    @Override
    public Tensor full(Shape shape, DType dtype, double value) {
        if (dtype == DType.F32) {
            float[] f = arena.floats(shape.size());
            Arrays.fill(f, (float) value);
            return wrap(shape, f);
        }
        double[] d = new double[shape.size()];
        Arrays.fill(d, value);
        return wrap(shape, d);
    }

    @Override
    public void toFloats(Tensor t, FloatBuffer into) {
        Shapes.operands(this, "toFloats", t);
        Shapes.room(into.remaining(), t.shape());
        PureTensor x = p(t);
        into.put(into.position(), x.floats() != null ? x.floats() : toFloat(x.doubles(), new float[x.shape().size()]));
    }

    @Override
    public double[] toDoubles(Tensor t) {
        Shapes.operands(this, "toDoubles", t);
        PureTensor x = p(t);
        if (x.doubles() != null) {
            return x.doubles().clone();
        }
        double[] d = new double[x.shape().size()];
        Arrays.setAll(d, x::get);
        return d;
    }

    @Override
    public Tensor cast(Tensor t, DType dtype) {
        Shapes.operands(this, "cast", t);
        return t.dtype() == dtype ? t : wrap(t.shape(), toDoubles(t), dtype);
    }

    // ---------------------------------------------------------------- movement

    @Override
    public Tensor reshape(Tensor t, Shape shape) {
        Shapes.operands(this, "reshape", t);
        return p(t).reshaped(Shapes.reshape(t.shape(), shape));
    }

    @Override
    public Tensor permute(Tensor t, int... axes) {
        Shapes.operands(this, "permute", t);
        Shape out = Shapes.permute(t.shape(), axes);
        int[] ax = Shapes.normalizeAxes(t.shape(), axes);
        int[] src = t.shape().strides();
        int[] strides = new int[ax.length];
        for (int i = 0; i < ax.length; i++) {
            strides[i] = src[ax[i]];
        }
        return wrap(out, Strides.take(arena, p(t), Strides.gather(out, strides, 0), 0));
    }

    @Override
    public Tensor broadcastTo(Tensor t, Shape shape) {
        Shapes.operands(this, "broadcastTo", t);
        Shapes.broadcastTo(t.shape(), shape);
        if (t.shape().equals(shape)) {
            return t;
        }
        return t.shape().size() == 1 ? full(shape, t.dtype(), p(t).get(0))
                : wrap(shape, Strides.take(arena, p(t), Strides.broadcastIndex(t.shape(), shape), 0));
    }

    @Override
    public Tensor slice(Tensor t, int axis, int start, int end) {
        Shapes.operands(this, "slice", t);
        Shape out = Shapes.slice(t.shape(), axis, start, end);
        int[] strides = t.shape().strides();
        int base = start * strides[t.shape().axis(axis)];
        return wrap(out, Strides.take(arena, p(t), Strides.gather(out, strides, base), 0));
    }

    @Override
    public Tensor pad(Tensor t, int[] before, int[] after, double value) {
        Shapes.operands(this, "pad", t);
        Shape out = Shapes.pad(t.shape(), before, after);
        int[] outStrides = out.strides();
        int base = 0;
        for (int i = 0; i < before.length; i++) {
            base += before[i] * outStrides[i];
        }
        int[] positions = Strides.gather(t.shape(), outStrides, base);
        int[] map = new int[out.size()];
        Arrays.fill(map, -1);
        for (int i = 0; i < positions.length; i++) {
            map[positions[i]] = i;
        }
        return wrap(out, Strides.take(arena, p(t), map, value));
    }

    @Override
    public Tensor concat(List<Tensor> parts, int axis) {
        Shapes.operands(this, "concat", parts.toArray(Tensor[]::new));
        Shape out = Shapes.concat(parts.stream().map(Tensor::shape).toList(), axis);
        int a = out.axis(axis);
        int outer = 1;
        for (int i = 0; i < a; i++) {
            outer *= out.dim(i);
        }
        int inner = out.size() / Math.max(1, outer * out.dim(a));
        Object data = parts.get(0).dtype() == DType.F32 ? arena.floats(out.size()) : new double[out.size()];
        int pos = 0;
        for (int o = 0; o < outer; o++) {
            for (Tensor part : parts) {
                int run = part.shape().dim(a) * inner;
                System.arraycopy(p(part).array(), o * run, data, pos, run);
                pos += run;
            }
        }
        return wrap(out, data);
    }

    // ---------------------------------------------------------------- elementwise

    private Tensor binary(String op, BinaryOp fn, Tensor a, Tensor b) {
        Shapes.operands(this, op, a, b);
        Shape out = Shapes.broadcast(op, a.shape(), b.shape());
        return wrap(out, Elementwise.binary(arena, fn, p(a), p(b), out, parallel));
    }

    private Tensor unary(String op, UnaryOp fn, Tensor t) {
        Shapes.operands(this, op, t);
        return wrap(t.shape(), Elementwise.unary(arena, fn, p(t), parallel));
    }

    @Override
    public Tensor add(Tensor a, Tensor b) {
        return binary("add", BinaryOp.ADD, a, b);
    }

    @Override
    public Tensor sub(Tensor a, Tensor b) {
        return binary("sub", BinaryOp.SUB, a, b);
    }

    @Override
    public Tensor mul(Tensor a, Tensor b) {
        return binary("mul", BinaryOp.MUL, a, b);
    }

    @Override
    public Tensor div(Tensor a, Tensor b) {
        return binary("div", BinaryOp.DIV, a, b);
    }

    @Override
    public Tensor maximum(Tensor a, Tensor b) {
        return binary("maximum", BinaryOp.MAXIMUM, a, b);
    }

    @Override
    public Tensor minimum(Tensor a, Tensor b) {
        return binary("minimum", BinaryOp.MINIMUM, a, b);
    }

    @Override
    public Tensor greater(Tensor a, Tensor b) {
        return binary("greater", BinaryOp.GREATER, a, b);
    }

    @Override
    public Tensor greaterEqual(Tensor a, Tensor b) {
        return binary("greaterEqual", BinaryOp.GREATER_EQUAL, a, b);
    }

    @Override
    public Tensor equal(Tensor a, Tensor b) {
        return binary("equal", BinaryOp.EQUAL, a, b);
    }

    @Override
    public Tensor where(Tensor cond, Tensor a, Tensor b) {
        Shapes.operands(this, "where", cond, a, b);
        Shape out = Shapes.broadcast("where", cond.shape(), Shapes.broadcast("where", a.shape(), b.shape()));
        return wrap(out, Elementwise.where(arena, p(cond), p(a), p(b), out));
    }

    @Override
    public Tensor neg(Tensor t) {
        return unary("neg", UnaryOp.NEG, t);
    }

    @Override
    public Tensor exp(Tensor t) {
        return unary("exp", UnaryOp.EXP, t);
    }

    @Override
    public Tensor log(Tensor t) {
        return unary("log", UnaryOp.LOG, t);
    }

    @Override
    public Tensor log1p(Tensor t) {
        return unary("log1p", UnaryOp.LOG1P, t);
    }

    @Override
    public Tensor sqrt(Tensor t) {
        return unary("sqrt", UnaryOp.SQRT, t);
    }

    @Override
    public Tensor abs(Tensor t) {
        return unary("abs", UnaryOp.ABS, t);
    }

    @Override
    public Tensor sign(Tensor t) {
        return unary("sign", UnaryOp.SIGN, t);
    }

    @Override
    public Tensor tanh(Tensor t) {
        return unary("tanh", UnaryOp.TANH, t);
    }

    @Override
    public Tensor sigmoid(Tensor t) {
        return unary("sigmoid", UnaryOp.SIGMOID, t);
    }

    @Override
    public Tensor relu(Tensor t) {
        return unary("relu", UnaryOp.RELU, t);
    }

    /** One read of {@code t}, summed in F64. */
    @Override
    public Tensor sumOfSquares(Tensor t) {
        Shapes.operands(this, "sumOfSquares", t);
        return scalar(t.dtype() == DType.F32 ? Reductions.sumOfSquares(p(t).floats(), parallel) : Reductions.sumOfSquares(p(t).doubles()),
                t.dtype());
    }

    @Override
    public Tensor reluBackward(Tensor y, Tensor grad) {
        Shapes.operands(this, "reluBackward", y, grad);
        Shapes.sameShapes("reluBackward", y.shape(), grad.shape());
        return wrap(y.shape(), Elementwise.reluBackward(arena, p(y), p(grad), parallel));
    }

    @Override
    public Tensor bceWithLogits(Tensor z, Tensor t) {
        Shapes.operands(this, "bceWithLogits", z, t);
        if (!z.shape().equals(t.shape())) {
            return TensorBackend.super.bceWithLogits(z, t);
        }
        return wrap(z.shape(), Elementwise.bceWithLogits(arena, p(z), p(t), parallel));
    }

    @Override
    public LstmCellOutput lstmCell(Tensor gates, Tensor cell) {
        Shape state = Shapes.lstmCell(this, gates, cell);
        if (gates.dtype() == DType.F64) {
            return TensorBackend.super.lstmCell(gates, cell);
        }
        float[][] out = LstmCells.forward(arena, p(gates), p(cell), parallel);
        return new LstmCellOutput(wrap(state, out[0]), wrap(state, out[1]), wrap(gates.shape(), out[2]));
    }

    @Override
    public LstmCellGradients lstmCellBackward(Tensor activations, Tensor cell, Tensor newCell, Tensor gradHidden,
            Tensor gradNewCell) {
        Shape state = Shapes.lstmCellBackward(this, activations, cell, newCell, gradHidden, gradNewCell);
        if (activations.dtype() == DType.F64) {
            return TensorBackend.super.lstmCellBackward(activations, cell, newCell, gradHidden, gradNewCell);
        }
        float[][] grads = LstmCells.backward(arena, p(activations), p(cell), p(newCell), p(gradHidden), p(gradNewCell), parallel);
        return new LstmCellGradients(wrap(activations.shape(), grads[0]), wrap(state, grads[1]));
    }

    // ---------------------------------------------------------------- reductions

    @Override
    public Tensor sum(Tensor t, boolean keepDims, int... axes) {
        Shapes.operands(this, "sum", t);
        int[] ax = Shapes.reductionAxes(t.shape(), axes);
        return wrap(Shapes.reduce(t.shape(), ax, keepDims), Reductions.sum(p(t), ax, parallel), t.dtype());
    }

    @Override
    public Tensor mean(Tensor t, boolean keepDims, int... axes) {
        Shapes.operands(this, "mean", t);
        int[] ax = Shapes.reductionAxes(t.shape(), axes);
        return wrap(Shapes.reduce(t.shape(), ax, keepDims), Reductions.mean(p(t), ax, parallel), t.dtype());
    }

    @Override
    public Tensor max(Tensor t, boolean keepDims, int... axes) {
        Shapes.operands(this, "max", t);
        int[] ax = Shapes.reductionAxes(t.shape(), axes);
        Shapes.nonEmptyReduction(t.shape(), ax);
        return wrap(Shapes.reduce(t.shape(), ax, keepDims), Reductions.max(p(t), ax, parallel), t.dtype());
    }

    // ---------------------------------------------------------------- linear algebra and convolution

    @Override
    public Tensor matmul(Tensor a, Tensor b, boolean transposeA, boolean transposeB) {
        DType dtype = Shapes.operands(this, "matmul", a, b);
        Shape out = Shapes.matmul(a.shape(), b.shape(), transposeA, transposeB);
        int m = out.dim(0);
        int n = out.dim(1);
        int k = transposeA ? a.shape().dim(0) : a.shape().dim(1);
        if (dtype == DType.F32) {
            float[] c = arena.floats(m * n);
            gemm.sgemm(transposeA, transposeB, m, n, k, p(a).floats(), 0, p(b).floats(), 0, c, 0, false);
            return wrap(out, c);
        }
        double[] c = new double[m * n];
        gemm.dgemm(transposeA, transposeB, m, n, k, p(a).doubles(), 0, p(b).doubles(), 0, c, 0, false);
        return wrap(out, c);
    }

    /** The product starts from the bias in every row, so that adding it costs no pass of its own. */
    @Override
    public Tensor linear(Tensor x, Tensor weight, Tensor bias) {
        DType dtype = Shapes.operands(this, "linear", x, weight, bias);
        Shape out = Shapes.linear(x.shape(), weight.shape(), bias.shape());
        int m = out.dim(0);
        int n = out.dim(1);
        int k = x.shape().dim(1);
        Object b = p(bias).array();
        Object c = dtype == DType.F32 ? arena.floats(m * n) : new double[m * n];
        for (int i = 0; i < m; i++) {
            System.arraycopy(b, 0, c, i * n, n);
        }
        if (dtype == DType.F32) {
            gemm.sgemm(false, true, m, n, k, p(x).floats(), 0, p(weight).floats(), 0, (float[]) c, 0, true);
        } else {
            gemm.dgemm(false, true, m, n, k, p(x).doubles(), 0, p(weight).doubles(), 0, (double[]) c, 0, true);
        }
        return wrap(out, c);
    }

    /** The geometry of a convolution of {@code input} with {@code weight [o, c, kh, kw]}. */
    private static ConvGeometry geometry(Shape input, Shape weight, Conv2dParams p) {
        return new ConvGeometry(input.dim(0), input.dim(1), input.dim(2), input.dim(3), weight.dim(0),
                weight.dim(2), weight.dim(3), p.strideH(), p.strideW(), p.padH(), p.padW());
    }

    @Override
    public Tensor conv2d(Tensor x, Tensor weight, Conv2dParams params) {
        DType dtype = Shapes.operands(this, "conv2d", x, weight);
        Shape out = Shapes.conv2d(x.shape(), weight.shape(), params);
        ConvGeometry g = geometry(x.shape(), weight.shape(), params);
        return wrap(out, dtype == DType.F32 ? conv.forward(p(x).floats(), p(weight).floats(), g)
                : conv.forward(p(x).doubles(), p(weight).doubles(), g));
    }

    @Override
    public Tensor conv2dInputGrad(Tensor gradOut, Tensor weight, Shape inputShape, Conv2dParams params) {
        DType dtype = Shapes.operands(this, "conv2dInputGrad", gradOut, weight);
        Shapes.conv2dInputGrad(gradOut.shape(), weight.shape(), inputShape, params);
        return inputGrad(gradOut, weight, geometry(inputShape, weight.shape(), params), inputShape, dtype);
    }

    @Override
    public Tensor conv2dWeightGrad(Tensor x, Tensor gradOut, Shape weightShape, Conv2dParams params) {
        DType dtype = Shapes.operands(this, "conv2dWeightGrad", x, gradOut);
        Shapes.conv2dWeightGrad(x.shape(), gradOut.shape(), weightShape, params);
        ConvGeometry g = geometry(x.shape(), weightShape, params);
        return wrap(weightShape, dtype == DType.F32 ? conv.weightGrad(p(x).floats(), p(gradOut).floats(), g)
                : conv.weightGrad(p(x).doubles(), p(gradOut).doubles(), g));
    }

    @Override
    public Tensor conv2dTranspose(Tensor x, Tensor weight, Conv2dParams params, int outPadH, int outPadW) {
        DType dtype = Shapes.operands(this, "conv2dTranspose", x, weight);
        Shape out = Shapes.conv2dTranspose(x.shape(), weight.shape(), params, outPadH, outPadW);
        return inputGrad(x, weight, geometry(out, weight.shape(), params), out, dtype);
    }

    private Tensor inputGrad(Tensor gradOut, Tensor weight, ConvGeometry g, Shape out, DType dtype) {
        return wrap(out, dtype == DType.F32 ? conv.inputGrad(p(gradOut).floats(), p(weight).floats(), g)
                : conv.inputGrad(p(gradOut).doubles(), p(weight).doubles(), g));
    }

    // ---------------------------------------------------------------- optimizer

    @Override
    public AdamUpdate adamStep(Tensor param, Tensor grad, Tensor m, Tensor v, AdamCoefficients c) {
        DType dtype = Shapes.operands(this, "adamStep", param, grad, m, v);
        Shapes.sameShapes("adamStep", param.shape(), grad.shape(), m.shape(), v.shape());
        Shape shape = param.shape();
        int n = shape.size();
        if (dtype == DType.F64) {
            double[] p1 = new double[n];
            double[] m1 = new double[n];
            double[] v1 = new double[n];
            adam.step(p(param).doubles(), p(grad).doubles(), p(m).doubles(), p(v).doubles(), c, p1, m1, v1);
            return new AdamUpdate(wrap(shape, p1), wrap(shape, m1), wrap(shape, v1));
        }
        float[] p1 = arena.floats(n);
        float[] m1 = arena.floats(n);
        float[] v1 = arena.floats(n);
        adam.step(p(param).floats(), p(grad).floats(), p(m).floats(), p(v).floats(), c, p1, m1, v1);
        return new AdamUpdate(wrap(shape, p1), wrap(shape, m1), wrap(shape, v1));
    }

    /** The kernel writes every element back where it read it; operands that share an array are updated as copies. */
    @Override
    public AdamUpdate adamStepInPlace(Tensor param, Tensor grad, Tensor m, Tensor v, AdamCoefficients c) {
        DType dtype = Shapes.operands(this, "adamStep", param, grad, m, v);
        Shapes.sameShapes("adamStep", param.shape(), grad.shape(), m.shape(), v.shape());
        Object pa = p(param).array();
        Object ma = p(m).array();
        Object va = p(v).array();
        if (pa == ma || pa == va || ma == va || pa == p(grad).array()) {
            return adamStep(param, grad, m, v, c);
        }
        if (dtype == DType.F64) {
            adam.step((double[]) pa, p(grad).doubles(), (double[]) ma, (double[]) va, c, (double[]) pa, (double[]) ma, (double[]) va);
        } else {
            adam.step((float[]) pa, p(grad).floats(), (float[]) ma, (float[]) va, c, (float[]) pa, (float[]) ma, (float[]) va);
        }
        return new AdamUpdate(param, m, v);
    }

    // ---------------------------------------------------------------- memory

    @Override
    public TensorScope newScope() {
        return arena.open();
    }

    @Override
    public void release(Tensor t) {
        Shapes.operands(this, "release", t);
    }
}
