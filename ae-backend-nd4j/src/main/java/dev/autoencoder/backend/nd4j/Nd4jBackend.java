package dev.autoencoder.backend.nd4j;

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
import dev.autoencoder.api.kernel.OffHeapAdam;
import dev.autoencoder.api.kernel.OffHeapLstmCell;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.reduce.floating.SquaredNorm;
import org.nd4j.linalg.api.ops.impl.scalar.RectifiedLinear;
import org.nd4j.linalg.api.ops.impl.transforms.floating.Sqrt;
import org.nd4j.linalg.api.ops.impl.transforms.same.Abs;
import org.nd4j.linalg.api.ops.impl.transforms.same.Negative;
import org.nd4j.linalg.api.ops.impl.transforms.same.Sign;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Exp;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Log;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Sigmoid;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The {@link TensorBackend} on ND4J: libnd4j kernels (oneDNN for F32 matrix products and convolutions when the oneDNN
 * natives are on the classpath, OpenBLAS otherwise), F32 and F64. Results are written into preallocated c-order arrays;
 * scopes are ND4J workspaces, so a step's temporaries are released together and their memory reused (see
 * {@link Nd4jScope}). Outside scopes, {@link #release} hands an array to the next tensor of its shape kept out of a
 * scope (see {@link ReleasedArrays}); arrays never released are freed by the garbage collector.
 *
 * <p>ND4J's settings (threads, profiling) are process-wide: the last backend instance created decides them.
 */
public final class Nd4jBackend implements TensorBackend {
    /** The selection name. */
    public static final String NAME = "nd4j";

    /** An iteration of {@code adam_updater} at which {@code b^(i+1)} is 0 for every {@code b < 1}. */
    private static final long CORRECTIONS_VANISHED = 1_000_000_000L;

    private final Capabilities capabilities;
    private final ReleasedArrays released = new ReleasedArrays();
    private final Scopes scopes = new Scopes(released);
    private final Kernels kernels = new Kernels();
    private final DirectBlas blas = new DirectBlas();
    private final Composites composites = new Composites(kernels, blas);
    private final Convolutions convolutions = new Convolutions(kernels);
    private final LstmCells lstmCells = new LstmCells(kernels);
    private final String version;
    private final OffHeapAdam offHeapAdam;
    private final OffHeapLstmCell offHeapLstmCell;

    /** Loads ND4J's natives and configures it for {@code threads} compute threads. */
    public Nd4jBackend(int threads) {
        Nd4jRuntime.configure(threads);
        this.offHeapAdam = new OffHeapAdam(threads);
        this.offHeapLstmCell = new OffHeapLstmCell(threads);
        this.capabilities = new Capabilities(Set.of(DType.F32, DType.F64), "cpu", threads);
        this.version = Nd4jRuntime.version();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String version() {
        return version;
    }

    @Override
    public Capabilities capabilities() {
        return capabilities;
    }

    private static INDArray a(Tensor t) {
        return ((Nd4jTensor) t).array();
    }

    private Tensor wrap(INDArray array, Shape shape, DType dtype) {
        return new Nd4jTensor(this, shape, dtype, array, scopes.current());
    }

    private Tensor empty(Shape shape, DType dtype) {
        return wrap(NdArrays.uninitialized(shape, NdArrays.dataType(dtype)), shape, dtype);
    }

    // ---------------------------------------------------------------- creation and transfer

    @Override
    public Tensor fromFloats(FloatBuffer data, Shape shape) {
        Shapes.dataLength(data.remaining(), shape);
        return wrap(NdArrays.of(data, shape), shape, DType.F32);
    }

    @Override
    public Tensor fromDoubles(double[] data, Shape shape) {
        Shapes.dataLength(data.length, shape);
        return wrap(NdArrays.of(data, shape), shape, DType.F64);
    }

    @Override
    public Tensor full(Shape shape, DType dtype, double value) {
        return wrap(NdArrays.filled(shape, NdArrays.dataType(dtype), value), shape, dtype);
    }

    @Override
    public void toFloats(Tensor t, FloatBuffer into) {
        Shapes.operands(this, "toFloats", t);
        Shapes.room(into.remaining(), t.shape());
        NdArrays.copy(a(t), t.shape().size(), into);
    }

    @Override
    public double[] toDoubles(Tensor t) {
        Shapes.operands(this, "toDoubles", t);
        return NdArrays.doubles(a(t), t.shape().size());
    }

    @Override
    public Tensor cast(Tensor t, DType dtype) {
        Shapes.operands(this, "cast", t);
        if (t.dtype() == dtype) {
            return t;
        }
        INDArray z = NdArrays.uninitialized(t.shape(), NdArrays.dataType(dtype));
        return wrap(t.shape().size() == 0 ? z : z.assign(a(t)), t.shape(), dtype); // converts, rounding to nearest
    }

    // ---------------------------------------------------------------- movement

    @Override
    public Tensor reshape(Tensor t, Shape shape) {
        Shapes.operands(this, "reshape", t);
        Shapes.reshape(t.shape(), shape);
        if (shape.size() == 0) {
            return empty(shape, t.dtype());
        }
        INDArray view = a(t).reshape('c', NdArrays.dims(shape));
        // inside a scope a view is safe (it dies with the scope); outside, releasing the source would break it
        return wrap(scopes.current() == null ? view.dup('c') : view, shape, t.dtype());
    }

    @Override
    public Tensor permute(Tensor t, int... axes) {
        Shapes.operands(this, "permute", t);
        Shape out = Shapes.permute(t.shape(), axes);
        if (out.size() == 0) {
            return empty(out, t.dtype());
        }
        return wrap(a(t).permute(Shapes.normalizeAxes(t.shape(), axes)).dup('c'), out, t.dtype());
    }

    @Override
    public Tensor broadcastTo(Tensor t, Shape shape) {
        Shapes.operands(this, "broadcastTo", t);
        Shapes.broadcastTo(t.shape(), shape);
        if (t.shape().equals(shape)) {
            return t;
        }
        if (shape.size() == 0) {
            return empty(shape, t.dtype());
        }
        return wrap(composites.broadcast(a(t), shape), shape, t.dtype());
    }

    @Override
    public Tensor slice(Tensor t, int axis, int start, int end) {
        Shapes.operands(this, "slice", t);
        Shape out = Shapes.slice(t.shape(), axis, start, end);
        if (out.size() == 0) {
            return empty(out, t.dtype());
        }
        int rank = out.rank();
        long[] args = new long[2 * rank];
        for (int i = 0; i < rank; i++) {
            args[rank + i] = out.dim(i);
        }
        args[t.shape().axis(axis)] = start;
        return nativeOp("slice", out, t.dtype(), args, a(t));
    }

    @Override
    public Tensor pad(Tensor t, int[] before, int[] after, double value) {
        Shapes.operands(this, "pad", t);
        Shape out = Shapes.pad(t.shape(), before, after);
        if (out.rank() == 0) {
            return t;
        }
        if (t.shape().size() == 0) {
            return full(out, t.dtype(), value);
        }
        int[][] paddings = new int[out.rank()][];
        for (int i = 0; i < paddings.length; i++) {
            paddings[i] = new int[] {before[i], after[i]};
        }
        INDArray z = NdArrays.uninitialized(out, NdArrays.dataType(t.dtype()));
        try (Temporaries tmp = new Temporaries()) {
            kernels.run("pad", new INDArray[] {z}, new INDArray[] {a(t), tmp.add(Nd4j.createFromArray(paddings))},
                    new long[] {0}, new double[] {value}, new boolean[0]);
        }
        return wrap(z, out, t.dtype());
    }

    @Override
    public Tensor concat(List<Tensor> parts, int axis) {
        DType dtype = Shapes.operands(this, "concat", parts.toArray(Tensor[]::new));
        Shape out = Shapes.concat(parts.stream().map(Tensor::shape).toList(), axis);
        if (out.size() == 0) {
            return empty(out, dtype);
        }
        List<INDArray> nonEmpty = new ArrayList<>();
        for (Tensor p : parts) {
            if (p.shape().size() > 0) {
                nonEmpty.add(a(p));
            }
        }
        return nativeOp("concat", out, dtype, new long[] {out.axis(axis)}, nonEmpty.toArray(INDArray[]::new));
    }

    // ---------------------------------------------------------------- elementwise

    /** Runs the libnd4j operation {@code name} into a new array of {@code out}. */
    private Tensor nativeOp(String name, Shape out, DType dtype, long[] intArgs, INDArray... inputs) {
        INDArray z = NdArrays.uninitialized(out, NdArrays.dataType(dtype));
        kernels.run(name, z, intArgs, inputs);
        return wrap(z, out, dtype);
    }

    private Tensor binary(String op, String kernel, Tensor a, Tensor b) {
        DType dtype = Shapes.operands(this, op, a, b);
        Shape out = Shapes.broadcast(op, a.shape(), b.shape());
        return out.size() == 0 ? empty(out, dtype) : nativeOp(kernel, out, dtype, new long[0], a(a), a(b));
    }

    /** {@code maximum} or {@code minimum}, with NaN propagated from either operand. */
    private Tensor extremum(String op, Tensor a, Tensor b) {
        DType dtype = Shapes.operands(this, op, a, b);
        Shape out = Shapes.broadcast(op, a.shape(), b.shape());
        if (out.size() == 0) {
            return empty(out, dtype);
        }
        return wrap(composites.extremum(op, a(a), a.shape(), a(b), b.shape(), out), out, dtype);
    }

    /** A comparison: libnd4j's BOOL result converted to 0/1 in the operands' dtype. */
    private Tensor comparison(String op, String kernel, Tensor a, Tensor b) {
        DType dtype = Shapes.operands(this, op, a, b);
        Shape out = Shapes.broadcast(op, a.shape(), b.shape());
        if (out.size() == 0) {
            return empty(out, dtype);
        }
        return wrap(composites.compare(kernel, a(a), a(b), b.shape(), out), out, dtype);
    }

    @Override
    public Tensor add(Tensor a, Tensor b) {
        return binary("add", "add", a, b);
    }

    @Override
    public Tensor sub(Tensor a, Tensor b) {
        return binary("sub", "subtract", a, b);
    }

    @Override
    public Tensor mul(Tensor a, Tensor b) {
        return binary("mul", "multiply", a, b);
    }

    @Override
    public Tensor div(Tensor a, Tensor b) {
        return binary("div", "divide", a, b);
    }

    @Override
    public Tensor maximum(Tensor a, Tensor b) {
        return extremum("maximum", a, b);
    }

    @Override
    public Tensor minimum(Tensor a, Tensor b) {
        return extremum("minimum", a, b);
    }

    @Override
    public Tensor greater(Tensor a, Tensor b) {
        return comparison("greater", "greater", a, b);
    }

    @Override
    public Tensor greaterEqual(Tensor a, Tensor b) {
        return comparison("greaterEqual", "greater_equal", a, b);
    }

    @Override
    public Tensor equal(Tensor a, Tensor b) {
        return comparison("equal", "equals", a, b);
    }

    @Override
    public Tensor where(Tensor cond, Tensor a, Tensor b) {
        DType dtype = Shapes.operands(this, "where", cond, a, b);
        Shape out = Shapes.broadcast("where", cond.shape(), Shapes.broadcast("where", a.shape(), b.shape()));
        if (out.size() == 0) {
            return empty(out, dtype);
        }
        return wrap(composites.where(a(cond), cond.shape(), a(a), a.shape(), a(b), b.shape(), out), out, dtype);
    }

    /** A kernel writing its result for {@code x} into {@code z}. */
    @FunctionalInterface
    private interface Kernel {
        void run(INDArray x, INDArray z);
    }

    /** A libnd4j transform of {@code t} into a new array. */
    private Tensor unary(String op, Kernel kernel, Tensor t) {
        Shapes.operands(this, op, t);
        if (t.shape().size() == 0) {
            return empty(t.shape(), t.dtype());
        }
        INDArray z = NdArrays.uninitialized(t.shape(), NdArrays.dataType(t.dtype()));
        kernel.run(a(t), z);
        return wrap(z, t.shape(), t.dtype());
    }

    @Override
    public Tensor neg(Tensor t) {
        return unary("neg", (x, z) -> kernels.run(new Negative(x, z)), t);
    }

    @Override
    public Tensor exp(Tensor t) {
        return unary("exp", (x, z) -> kernels.run(new Exp(x, z)), t);
    }

    @Override
    public Tensor log(Tensor t) {
        return unary("log", (x, z) -> kernels.run(new Log(x, z)), t);
    }

    @Override
    public Tensor log1p(Tensor t) {
        Shapes.operands(this, "log1p", t);
        if (t.shape().size() == 0) {
            return empty(t.shape(), t.dtype());
        }
        return wrap(composites.log1p(a(t), t.shape()), t.shape(), t.dtype());
    }

    @Override
    public Tensor sqrt(Tensor t) {
        return unary("sqrt", (x, z) -> kernels.run(new Sqrt(x, z)), t);
    }

    @Override
    public Tensor abs(Tensor t) {
        return unary("abs", (x, z) -> kernels.run(new Abs(x, z)), t);
    }

    @Override
    public Tensor sign(Tensor t) {
        return unary("sign", (x, z) -> kernels.run(new Sign(x, z)), t);
    }

    /**
     * libnd4j's custom {@code tanh}, which runs on oneDNN for F32: within 1 ulp of the exact value and 5-7x faster than
     * the legacy transform (which also returns 0 for subnormal inputs).
     */
    @Override
    public Tensor tanh(Tensor t) {
        return unary("tanh", (x, z) -> kernels.run("tanh", z, x), t);
    }

    @Override
    public Tensor sigmoid(Tensor t) {
        return unary("sigmoid", (x, z) -> kernels.run(new Sigmoid(x, z)), t);
    }

    @Override
    public Tensor relu(Tensor t) {
        return unary("relu", (x, z) -> kernels.run(new RectifiedLinear(x, z, 0.0)), t);
    }

    /** libnd4j's {@code relu_bp}: one pass, where the SPI's default takes a comparison and a product. */
    @Override
    public Tensor reluBackward(Tensor y, Tensor grad) {
        DType dtype = Shapes.operands(this, "reluBackward", y, grad);
        Shapes.sameShapes("reluBackward", y.shape(), grad.shape());
        if (y.shape().size() == 0) {
            return empty(y.shape(), dtype);
        }
        INDArray z = NdArrays.uninitialized(y.shape(), NdArrays.dataType(dtype));
        kernels.run("relu_bp", new INDArray[] {z}, new INDArray[] {a(y), a(grad)}, new long[0], new double[] {0.0},
                new boolean[0]);
        return wrap(z, y.shape(), dtype);
    }

    /**
     * libnd4j's {@code sigm_cross_entropy_loss} without reduction, {@code max(z, 0) - t z + log(1 + e^-|z|)}: one pass
     * where the default takes eight (its {@code log1p} alone is a composite here), and PyTorch's own formula. Operands of
     * different shapes take the default.
     */
    @Override
    public Tensor bceWithLogits(Tensor z, Tensor t) {
        DType dtype = Shapes.operands(this, "bceWithLogits", z, t);
        if (!z.shape().equals(t.shape()) || z.shape().size() == 0) {
            return TensorBackend.super.bceWithLogits(z, t);
        }
        DataType type = NdArrays.dataType(dtype);
        INDArray loss = NdArrays.uninitialized(z.shape(), type);
        INDArray weight = NdArrays.filled(Shape.scalar(), type, 1);
        kernels.run("sigm_cross_entropy_loss", new INDArray[] {loss}, new INDArray[] {a(z), weight, a(t)},
                new long[] {0}, new double[] {0.0}, new boolean[0]);
        return wrap(loss, z.shape(), dtype);
    }

    /** BLAS's dot products where {@code t} is one whole buffer, else libnd4j's squared norm (twice as slow on W1's gradients). */
    @Override
    public Tensor sumOfSquares(Tensor t) {
        DType dtype = Shapes.operands(this, "sumOfSquares", t);
        if (t.shape().size() == 0) {
            return full(Shape.scalar(), dtype, 0.0);
        }
        INDArray x = a(t);
        if (NdArrays.wholeBuffers(x)) {
            return full(Shape.scalar(), dtype, blas.sumOfSquares(x));
        }
        INDArray z = NdArrays.uninitialized(Shape.scalar(), NdArrays.dataType(dtype));
        kernels.run(new SquaredNorm(x, z));
        return wrap(z, Shape.scalar(), dtype);
    }

    // ---------------------------------------------------------------- reductions

    /** A libnd4j reduction over {@code axes} (all when none) into a new array of the reduced shape. */
    private INDArray reduce(String kernel, Tensor t, int[] axes, boolean keepDims, Shape out) {
        INDArray z = NdArrays.uninitialized(out, NdArrays.dataType(t.dtype()));
        kernels.run(kernel, new INDArray[] {z}, new INDArray[] {a(t)}, NdArrays.longs(axes), new double[0],
                new boolean[] {keepDims});
        return z;
    }

    @Override
    public Tensor sum(Tensor t, boolean keepDims, int... axes) {
        Shapes.operands(this, "sum", t);
        int[] ax = Shapes.reductionAxes(t.shape(), axes);
        Shape out = Shapes.reduce(t.shape(), ax, keepDims);
        if (t.shape().size() == 0) {
            return full(out, t.dtype(), 0.0);
        }
        return wrap(composites.sum(a(t), t.shape(), ax, keepDims, out), out, t.dtype());
    }

    @Override
    public Tensor mean(Tensor t, boolean keepDims, int... axes) {
        Shapes.operands(this, "mean", t);
        int[] ax = Shapes.reductionAxes(t.shape(), axes);
        Shape out = Shapes.reduce(t.shape(), ax, keepDims);
        if (t.shape().size() == 0) {
            return full(out, t.dtype(), Double.NaN);
        }
        return wrap(reduce("reduce_mean", t, ax, keepDims, out), out, t.dtype());
    }

    @Override
    public Tensor max(Tensor t, boolean keepDims, int... axes) {
        Shapes.operands(this, "max", t);
        int[] ax = Shapes.reductionAxes(t.shape(), axes);
        Shapes.nonEmptyReduction(t.shape(), ax);
        Shape out = Shapes.reduce(t.shape(), ax, keepDims);
        if (t.shape().size() == 0) {
            return empty(out, t.dtype());
        }
        INDArray z = reduce("reduce_max", t, ax, keepDims, out);
        return wrap(composites.withNaNsOf(z, out, a(t), t.shape(), NdArrays.longs(ax), keepDims), out, t.dtype());
    }

    // ---------------------------------------------------------------- linear algebra and convolution

    /**
     * F32 cells in whole buffers in one pass of {@link OffHeapLstmCell} (libnd4j's sigmoid is scalar); others in fewer
     * libnd4j calls than the composite, on views of the gate blocks ({@link LstmCells}); empty ones composed.
     */
    @Override
    public LstmCellOutput lstmCell(Tensor gates, Tensor cell) {
        Shape state = Shapes.lstmCell(this, gates, cell);
        DType dtype = gates.dtype();
        if (state.size() == 0) {
            return LstmCellOutput.composed(this, gates, cell);
        }
        INDArray z = a(gates);
        INDArray c = a(cell);
        if (dtype == DType.F32 && NdArrays.wholeBuffers(z, c)) {
            return offHeapCell(z, null, c, gates.shape(), state);
        }
        INDArray[] out = lstmCells.forward(z, c, gates.shape(), state);
        return new LstmCellOutput(wrap(out[0], state, dtype), wrap(out[1], state, dtype), wrap(out[2], gates.shape(), dtype));
    }

    /** F32 gates and cell in whole buffers: summed in {@link OffHeapLstmCell}'s pass; others added first. */
    @Override
    public LstmCellOutput lstmCell(Tensor inputGates, Tensor hiddenGates, Tensor cell) {
        Shape state = Shapes.lstmCell(this, inputGates, hiddenGates, cell);
        INDArray zi = a(inputGates);
        INDArray zh = a(hiddenGates);
        INDArray c = a(cell);
        if (inputGates.dtype() == DType.F32 && state.size() > 0 && NdArrays.wholeBuffers(zi, zh, c)) {
            return offHeapCell(zi, zh, c, inputGates.shape(), state);
        }
        return TensorBackend.super.lstmCell(inputGates, hiddenGates, cell);
    }

    /** {@link OffHeapLstmCell}'s step of F32 gates {@code z} (plus {@code more} unless null) and cell {@code c}. */
    private LstmCellOutput offHeapCell(INDArray z, INDArray more, INDArray c, Shape gates, Shape state) {
        INDArray hidden = NdArrays.uninitialized(state, DataType.FLOAT);
        INDArray newCell = NdArrays.uninitialized(state, DataType.FLOAT);
        INDArray activations = NdArrays.uninitialized(gates, DataType.FLOAT);
        offHeapLstmCell.forward(state.dim(0), state.dim(1), z.data().asNio(), more == null ? null : more.data().asNio(),
                c.data().asNio(), hidden.data().asNio(), newCell.data().asNio(), activations.data().asNio());
        return new LstmCellOutput(wrap(hidden, state, DType.F32), wrap(newCell, state, DType.F32),
                wrap(activations, gates, DType.F32));
    }

    /** The cell's backward as {@link #lstmCell} chooses: one pass of {@link OffHeapLstmCell}, or {@link LstmCells}. */
    @Override
    public LstmCellGradients lstmCellBackward(Tensor activations, Tensor cell, Tensor newCell, Tensor gradHidden,
            Tensor gradNewCell) {
        Shape state = Shapes.lstmCellBackward(this, activations, cell, newCell, gradHidden, gradNewCell);
        DType dtype = activations.dtype();
        if (state.size() == 0) {
            return LstmCellGradients.composed(this, activations, cell, newCell, gradHidden, gradNewCell);
        }
        INDArray[] in = {a(activations), a(cell), a(newCell), a(gradHidden), a(gradNewCell)};
        if (dtype == DType.F32 && NdArrays.wholeBuffers(in)) {
            INDArray gradGates = NdArrays.uninitialized(activations.shape(), DataType.FLOAT);
            INDArray gradCell = NdArrays.uninitialized(state, DataType.FLOAT);
            offHeapLstmCell.backward(state.dim(0), state.dim(1), in[0].data().asNio(), in[1].data().asNio(),
                    in[2].data().asNio(), in[3].data().asNio(), in[4].data().asNio(), gradGates.data().asNio(),
                    gradCell.data().asNio());
            return new LstmCellGradients(wrap(gradGates, activations.shape(), dtype), wrap(gradCell, state, dtype));
        }
        INDArray[] out = lstmCells.backward(in[0], in[1], in[2], in[3], in[4], activations.shape(), state);
        return new LstmCellGradients(wrap(out[0], activations.shape(), dtype), wrap(out[1], state, dtype));
    }

    @Override
    public Tensor matmul(Tensor a, Tensor b, boolean transposeA, boolean transposeB) {
        DType dtype = Shapes.operands(this, "matmul", a, b);
        Shape out = Shapes.matmul(a.shape(), b.shape(), transposeA, transposeB);
        int k = transposeA ? a.shape().dim(0) : a.shape().dim(1);
        if (out.size() == 0 || k == 0) {
            return full(out, dtype, 0.0);
        }
        return nativeOp("matmul", out, dtype, new long[] {transposeA ? 1 : 0, transposeB ? 1 : 0}, a(a), a(b));
    }

    /** The product, then the bias added to it in place: no array of its own for the sum. */
    @Override
    public Tensor linear(Tensor x, Tensor weight, Tensor bias) {
        DType dtype = Shapes.operands(this, "linear", x, weight, bias);
        Shape out = Shapes.linear(x.shape(), weight.shape(), bias.shape());
        if (out.size() == 0 || x.shape().dim(1) == 0) {
            return TensorBackend.super.linear(x, weight, bias);
        }
        INDArray z = NdArrays.uninitialized(out, NdArrays.dataType(dtype));
        kernels.run("matmul", z, new long[] {0, 1}, a(x), a(weight));
        if (NdArrays.wholeBuffers(a(bias))) {
            blas.addToRows(z, out.dim(0), a(bias));
        } else {
            kernels.run("add", z, z, a(bias));
        }
        return wrap(z, out, dtype);
    }

    @Override
    public Tensor conv2d(Tensor x, Tensor weight, Conv2dParams params) {
        DType dtype = Shapes.operands(this, "conv2d", x, weight);
        Shape out = Shapes.conv2d(x.shape(), weight.shape(), params);
        if (x.shape().size() == 0 || weight.shape().size() == 0) {
            return full(out, dtype, 0.0);
        }
        return wrap(convolutions.conv2d(a(x), a(weight), weight.shape(), params, out), out, dtype);
    }

    @Override
    public Tensor conv2dInputGrad(Tensor gradOut, Tensor weight, Shape inputShape, Conv2dParams params) {
        DType dtype = Shapes.operands(this, "conv2dInputGrad", gradOut, weight);
        Shapes.conv2dInputGrad(gradOut.shape(), weight.shape(), inputShape, params);
        if (gradOut.shape().size() == 0 || weight.shape().size() == 0) {
            return full(inputShape, dtype, 0.0);
        }
        return wrap(convolutions.inputGrad(a(gradOut), gradOut.shape(), a(weight), weight.shape(), inputShape, params),
                inputShape, dtype);
    }

    @Override
    public Tensor conv2dWeightGrad(Tensor x, Tensor gradOut, Shape weightShape, Conv2dParams params) {
        DType dtype = Shapes.operands(this, "conv2dWeightGrad", x, gradOut);
        Shapes.conv2dWeightGrad(x.shape(), gradOut.shape(), weightShape, params);
        if (x.shape().size() == 0 || gradOut.shape().size() == 0) {
            return full(weightShape, dtype, 0.0);
        }
        return wrap(convolutions.weightGrad(a(x), x.shape(), a(gradOut), weightShape, params), weightShape, dtype);
    }

    @Override
    public Tensor conv2dTranspose(Tensor x, Tensor weight, Conv2dParams params, int outPadH, int outPadW) {
        DType dtype = Shapes.operands(this, "conv2dTranspose", x, weight);
        Shape out = Shapes.conv2dTranspose(x.shape(), weight.shape(), params, outPadH, outPadW);
        if (x.shape().size() == 0 || weight.shape().size() == 0) {
            return full(out, dtype, 0.0);
        }
        return wrap(convolutions.inputGrad(a(x), x.shape(), a(weight), weight.shape(), out, params), out, dtype);
    }

    // ---------------------------------------------------------------- optimizer

    /**
     * libnd4j's fused {@code adam_updater}, into new arrays. It computes {@code update = lr * sqrt(1 - b2^(i+1)) /
     * (1 - b1^(i+1)) * m / (sqrt(v) + eps)}; at an iteration so late that both corrections are 1, with
     * {@code lr = stepSize * sqrtBias2} and {@code eps * sqrtBias2} as its epsilon, that is PyTorch's update.
     */
    @Override
    public AdamUpdate adamStep(Tensor param, Tensor grad, Tensor m, Tensor v, AdamCoefficients c) {
        DType dtype = Shapes.operands(this, "adamStep", param, grad, m, v);
        Shapes.sameShapes("adamStep", param.shape(), grad.shape(), m.shape(), v.shape());
        Shape shape = param.shape();
        if (shape.size() == 0) {
            return TensorBackend.super.adamStep(param, grad, m, v, c);
        }
        DataType type = NdArrays.dataType(dtype);
        INDArray p1 = NdArrays.uninitialized(shape, type);
        INDArray m1 = NdArrays.uninitialized(shape, type);
        INDArray v1 = NdArrays.uninitialized(shape, type);
        adam(shape, a(param), a(grad), a(m), a(v), c, p1, m1, v1);
        return new AdamUpdate(wrap(p1, shape, dtype), wrap(m1, shape, dtype), wrap(v1, shape, dtype));
    }

    /** libnd4j's updater writes into the operands' own arrays, unless two of them share one. */
    @Override
    public AdamUpdate adamStepInPlace(Tensor param, Tensor grad, Tensor m, Tensor v, AdamCoefficients c) {
        Shapes.operands(this, "adamStep", param, grad, m, v);
        Shapes.sameShapes("adamStep", param.shape(), grad.shape(), m.shape(), v.shape());
        INDArray p = a(param);
        INDArray mean = a(m);
        INDArray variance = a(v);
        if (param.shape().size() == 0 || shareData(p, mean, variance, a(grad))) {
            return adamStep(param, grad, m, v, c);
        }
        adam(param.shape(), p, a(grad), mean, variance, c, p, mean, variance);
        return new AdamUpdate(param, m, v);
    }


    /**
     * Adam's new parameter and moments into {@code p1}, {@code m1} and {@code v1}, which may be the operands. F32
     * arrays that are whole buffers take one pass of {@link OffHeapAdam} over the targets (after copying the operands
     * into targets that are not them); others take {@code adam_updater} and a subtraction, four passes and a temporary.
     */
    private void adam(Shape shape, INDArray p, INDArray g, INDArray m, INDArray v, AdamCoefficients c, INDArray p1,
            INDArray m1, INDArray v1) {
        if (g.dataType() == DataType.FLOAT && NdArrays.wholeBuffers(p1, g, m1, v1)) {
            copyUnlessSame(p, p1);
            copyUnlessSame(m, m1);
            copyUnlessSame(v, v1);
            offHeapAdam.step((int) g.length(), p1.data().asNio(), g.data().asNio(), m1.data().asNio(), v1.data().asNio(), c);
            return;
        }
        try (Temporaries tmp = new Temporaries()) {
            INDArray update = tmp.add(NdArrays.uninitialized(shape, g.dataType()));
            kernels.run("adam_updater", new INDArray[] {update, v1, m1}, new INDArray[] {g, v, m},
                    new long[] {CORRECTIONS_VANISHED}, new double[] {c.stepSize() * c.sqrtBias2(), c.beta1(), c.beta2(),
                        c.eps() * c.sqrtBias2()}, new boolean[0]);
            kernels.run("subtract", p1, p, update);
        }
    }

    private static void copyUnlessSame(INDArray from, INDArray to) {
        if (from != to) {
            to.assign(from);
        }
    }

    private static boolean shareData(INDArray... arrays) {
        for (int i = 0; i < arrays.length; i++) {
            for (int k = i + 1; k < arrays.length; k++) {
                if (arrays[i].data() == arrays[k].data()) {
                    return true;
                }
            }
        }
        return false;
    }

    // ---------------------------------------------------------------- memory

    @Override
    public TensorScope newScope() {
        return scopes.open(this);
    }

    /**
     * Marks {@code t} unusable and, when it lives outside every scope, hands its array to the next tensor of its shape
     * kept out of a scope. Reshapes of {@code t} made in a scope that is still open share its array: do not use them
     * after releasing it either.
     */
    @Override
    public void release(Tensor t) {
        Shapes.operands(this, "release", t);
        Nd4jTensor tensor = (Nd4jTensor) t;
        INDArray array = tensor.array();
        tensor.markReleased();
        if (tensor.owner() == null && !array.isAttached() && array.closeable()) {
            released.give(array);
        }
    }
}
