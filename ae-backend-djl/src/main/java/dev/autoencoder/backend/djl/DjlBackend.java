package dev.autoencoder.backend.djl;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.engine.PtNDManager;
import ai.djl.pytorch.jni.JniUtils;
import dev.autoencoder.api.AdamCoefficients;
import dev.autoencoder.api.AdamUpdate;
import dev.autoencoder.api.Capabilities;
import dev.autoencoder.api.Conv2dParams;
import dev.autoencoder.api.DType;
import dev.autoencoder.api.InvalidArgumentException;
import dev.autoencoder.api.LstmCellGradients;
import dev.autoencoder.api.LstmCellOutput;
import dev.autoencoder.api.Shape;
import dev.autoencoder.api.Shapes;
import dev.autoencoder.api.Tensor;
import dev.autoencoder.api.TensorBackend;
import dev.autoencoder.api.TensorScope;
import dev.autoencoder.api.kernel.OffHeapAdam;
import dev.autoencoder.api.kernel.OffHeapLstmCell;
import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.BinaryOperator;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link TensorBackend} on DJL's PyTorch engine: every primitive is one or a few libtorch kernels called
 * through DJL's JNI layer, with PyTorch's semantics. Shapes are validated first by {@link Shapes}, exactly as on
 * every backend. Native memory is owned by DJL {@code NDManager}s: one per open {@link TensorScope} and a
 * long-lived one for everything else (see {@link Scopes}). libtorch loads on construction, offline, from the
 * jars on the classpath.
 */
public final class DjlBackend implements TensorBackend {
    /** The selection name. */
    public static final String NAME = "djl";

    private static final Logger LOG = LoggerFactory.getLogger(DjlBackend.class);

    private final Device device;
    private final int threads;
    private final Scopes scopes;
    private final Transfers transfers;
    private final Convolutions convolutions;
    private final Capabilities capabilities;
    private final String version;
    private final OffHeapAdam offHeapAdam;
    private final OffHeapLstmCell offHeapLstmCell;

    /**
     * Loads libtorch and creates a backend computing on {@code device} with {@code threads} intra-op threads in
     * every Java thread that uses it. Only the CPU is supported today: the native artifact is libtorch's CPU build.
     */
    public DjlBackend(int threads, Device device) {
        if (threads < 1) {
            throw new InvalidArgumentException("djl: threads must be at least 1, got " + threads);
        }
        if (device.isGpu()) {
            throw new InvalidArgumentException("djl: only the CPU is supported, got " + device);
        }
        long start = System.nanoTime();
        Engine engine = Libtorch.load();
        this.device = device;
        this.threads = threads;
        this.offHeapAdam = new OffHeapAdam(threads);
        this.offHeapLstmCell = new OffHeapLstmCell(threads);
        this.scopes = new Scopes((PtNDManager) engine.newBaseManager(device));
        this.transfers = new Transfers(device);
        this.convolutions = new Convolutions(device);
        this.capabilities = new Capabilities(Set.of(DType.F32, DType.F64), device.getDeviceType(), threads);
        this.version = "libtorch " + engine.getVersion() + ", DJL " + Engine.getDjlVersion();
        LOG.debug("djl: {} on {} with {} threads, loaded in {} ms", version, device, threads,
                (System.nanoTime() - start) / 1_000_000);
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

    // ---------------------------------------------------------------- plumbing

    private static PtNDArray a(Tensor t) {
        return ((DjlTensor) t).array();
    }

    private static DataType type(DType dtype) {
        return Transfers.dataType(dtype);
    }

    /**
     * Sets libtorch's intra-op thread count for the calling thread if it differs. OpenMP keeps it per thread, and
     * libtorch gives a new thread whatever count was set last by anyone, so it is checked on every operation.
     */
    private void applyThreads() {
        if (JniUtils.getNumThreads() != threads) {
            JniUtils.setNumThreads(threads);
        }
    }

    /** Runs one libtorch computation on the calling thread and wraps its result, owned by the current scope. */
    private Tensor run(Shape shape, DType dtype, Supplier<PtNDArray> op) {
        applyThreads();
        return scopes.adopt(this, op.get(), shape, dtype);
    }

    /** A rank-0 tensor in the calling thread's current manager, for use inside one primitive. */
    private PtNDArray constant(double value, DType dtype) {
        return JniUtils.full(scopes.current(), new ai.djl.ndarray.types.Shape(), value, type(dtype), device,
                SparseFormat.DENSE);
    }

    /** {@code array} (a boolean mask, say) converted to {@code dtype}; the input is closed. */
    private PtNDArray convert(PtNDArray array, DType dtype) {
        try (array) {
            return JniUtils.to(array, type(dtype), device);
        }
    }

    // ---------------------------------------------------------------- creation and transfer

    @Override
    public Tensor fromFloats(FloatBuffer data, Shape shape) {
        Shapes.dataLength(data.remaining(), shape);
        return upload(shape, DType.F32, b -> b.asFloatBuffer().put(data.duplicate()));
    }

    @Override
    public Tensor fromDoubles(double[] data, Shape shape) {
        Shapes.dataLength(data.length, shape);
        return upload(shape, DType.F64, b -> b.asDoubleBuffer().put(data));
    }

    private Tensor upload(Shape shape, DType dtype, Consumer<ByteBuffer> fill) {
        applyThreads();
        PtNDArray array = transfers.upload(scopes.current(), shape, dtype, fill);
        return scopes.adopt(this, array, shape, dtype);
    }

    /** A new tensor in the current scope's manager whose memory the caller fills. */
    private PtNDArray uninitialized(Shape shape, DType dtype) {
        return JniUtils.createEmptyNdArray(scopes.current(), Transfers.shape(shape), Transfers.dataType(dtype), device,
                SparseFormat.DENSE);
    }

    /** The memory of a contiguous tensor on the CPU, as a buffer over it (no copy). */
    private static ByteBuffer memory(PtNDArray array) {
        return JniUtils.getByteBuffer(array, true);
    }

    @Override
    public Tensor full(Shape shape, DType dtype, double value) {
        return run(shape, dtype, () -> JniUtils.full(scopes.current(), Transfers.shape(shape), value, type(dtype),
                device, SparseFormat.DENSE));
    }

    @Override
    public void toFloats(Tensor t, FloatBuffer into) {
        Shapes.operands(this, "toFloats", t);
        Shapes.room(into.remaining(), t.shape());
        read(t, DType.F32, b -> into.put(into.position(), b.asFloatBuffer(), 0, t.shape().size()));
    }

    @Override
    public double[] toDoubles(Tensor t) {
        Shapes.operands(this, "toDoubles", t);
        double[] out = new double[t.shape().size()];
        read(t, DType.F64, b -> b.asDoubleBuffer().get(out));
        return out;
    }

    /**
     * Hands the elements of {@code t} in row-major order as bytes of {@code dtype} (converted by libtorch if needed) to
     * {@code read}, which copies them before it returns ({@link Transfers#download}).
     */
    private void read(Tensor t, DType dtype, Consumer<ByteBuffer> read) {
        applyThreads();
        if (t.dtype() == dtype) {
            Transfers.download(a(t), read);
            return;
        }
        try (PtNDArray converted = JniUtils.to(a(t), type(dtype), device)) {
            Transfers.download(converted, read);
        }
    }

    @Override
    public Tensor cast(Tensor t, DType dtype) {
        Shapes.operands(this, "cast", t);
        return t.dtype() == dtype ? t : run(t.shape(), dtype, () -> JniUtils.to(a(t), type(dtype), device));
    }

    // ---------------------------------------------------------------- movement

    @Override
    public Tensor reshape(Tensor t, Shape shape) {
        DType dtype = Shapes.operands(this, "reshape", t);
        Shape out = Shapes.reshape(t.shape(), shape);
        return run(out, dtype, () -> JniUtils.reshape(a(t), Transfers.shape(out).getShape()));
    }

    @Override
    public Tensor permute(Tensor t, int... axes) {
        DType dtype = Shapes.operands(this, "permute", t);
        Shape out = Shapes.permute(t.shape(), axes);
        long[] dims = Arrays.stream(Shapes.normalizeAxes(t.shape(), axes)).asLongStream().toArray();
        return run(out, dtype, () -> JniUtils.permute(a(t), dims));
    }

    @Override
    public Tensor broadcastTo(Tensor t, Shape shape) {
        DType dtype = Shapes.operands(this, "broadcastTo", t);
        Shapes.broadcastTo(t.shape(), shape);
        return t.shape().equals(shape) ? t : run(shape, dtype, () -> JniUtils.broadcast(a(t), Transfers.shape(shape)));
    }

    @Override
    public Tensor slice(Tensor t, int axis, int start, int end) {
        DType dtype = Shapes.operands(this, "slice", t);
        Shape out = Shapes.slice(t.shape(), axis, start, end);
        return run(out, dtype, () -> JniUtils.slice(a(t), t.shape().axis(axis), start, end, 1));
    }

    @Override
    public Tensor pad(Tensor t, int[] before, int[] after, double value) {
        DType dtype = Shapes.operands(this, "pad", t);
        Shape out = Shapes.pad(t.shape(), before, after);
        // torch.nn.functional.pad lists (before, after) pairs from the last axis to the first
        long[] amounts = new long[2 * before.length];
        for (int i = 0; i < before.length; i++) {
            int axis = before.length - 1 - i;
            amounts[2 * i] = before[axis];
            amounts[2 * i + 1] = after[axis];
        }
        return run(out, dtype, () -> JniUtils.pad(a(t), amounts, value));
    }

    @Override
    public Tensor concat(List<Tensor> parts, int axis) {
        DType dtype = Shapes.operands(this, "concat", parts.toArray(Tensor[]::new));
        Shape out = Shapes.concat(parts.stream().map(Tensor::shape).toList(), axis);
        PtNDArray[] arrays = parts.stream().map(DjlBackend::a).toArray(PtNDArray[]::new);
        return run(out, dtype, () -> JniUtils.cat(arrays, out.axis(axis)));
    }

    // ---------------------------------------------------------------- elementwise

    private Tensor binary(String op, Tensor a, Tensor b, BinaryOperator<PtNDArray> fn) {
        DType dtype = Shapes.operands(this, op, a, b);
        Shape out = Shapes.broadcast(op, a.shape(), b.shape());
        return run(out, dtype, () -> fn.apply(a(a), a(b)));
    }

    /** A comparison: libtorch's boolean result converted to the operands' dtype. */
    private Tensor compare(String op, Tensor a, Tensor b, BinaryOperator<PtNDArray> fn) {
        return binary(op, a, b, (x, y) -> convert(fn.apply(x, y), a.dtype()));
    }

    private Tensor unary(String op, Tensor t, UnaryOperator<PtNDArray> fn) {
        DType dtype = Shapes.operands(this, op, t);
        return run(t.shape(), dtype, () -> fn.apply(a(t)));
    }

    @Override
    public Tensor add(Tensor a, Tensor b) {
        return binary("add", a, b, JniUtils::add);
    }

    @Override
    public Tensor sub(Tensor a, Tensor b) {
        return binary("sub", a, b, JniUtils::sub);
    }

    @Override
    public Tensor mul(Tensor a, Tensor b) {
        return binary("mul", a, b, JniUtils::mul);
    }

    @Override
    public Tensor div(Tensor a, Tensor b) {
        return binary("div", a, b, JniUtils::div);
    }

    @Override
    public Tensor maximum(Tensor a, Tensor b) {
        return binary("maximum", a, b, JniUtils::max);
    }

    @Override
    public Tensor minimum(Tensor a, Tensor b) {
        return binary("minimum", a, b, JniUtils::min);
    }

    @Override
    public Tensor greater(Tensor a, Tensor b) {
        return compare("greater", a, b, JniUtils::gt);
    }

    @Override
    public Tensor greaterEqual(Tensor a, Tensor b) {
        return compare("greaterEqual", a, b, JniUtils::gte);
    }

    @Override
    public Tensor equal(Tensor a, Tensor b) {
        return compare("equal", a, b, JniUtils::eq);
    }

    @Override
    public Tensor where(Tensor cond, Tensor a, Tensor b) {
        DType dtype = Shapes.operands(this, "where", cond, a, b);
        Shape out = Shapes.broadcast("where", cond.shape(), Shapes.broadcast("where", a.shape(), b.shape()));
        return run(out, dtype, () -> {
            try (PtNDArray mask = JniUtils.to(a(cond), DataType.BOOLEAN, device)) {
                return JniUtils.where(mask, a(a), a(b));
            }
        });
    }

    @Override
    public Tensor neg(Tensor t) {
        return unary("neg", t, JniUtils::neg);
    }

    @Override
    public Tensor exp(Tensor t) {
        return unary("exp", t, JniUtils::exp);
    }

    @Override
    public Tensor log(Tensor t) {
        return unary("log", t, JniUtils::log);
    }

    @Override
    public Tensor log1p(Tensor t) {
        return unary("log1p", t, x -> log1p(x, t.dtype()));
    }

    /**
     * {@code log(1 + x)} composed from libtorch kernels (DJL's JNI has no {@code log1p}) by Kahan's method: with
     * {@code u = 1 + x} rounded and {@code d = u - 1}, {@code log1p(x) = log(u) * x / d}, which cancels the rounding
     * of {@code u}; {@code x} itself where {@code d} is 0, and {@code log(u)} where {@code d == x} (exact sums,
     * infinities).
     */
    private PtNDArray log1p(PtNDArray x, DType dtype) {
        try (PtNDArray one = constant(1, dtype);
                PtNDArray zero = constant(0, dtype);
                PtNDArray u = JniUtils.add(x, one);
                PtNDArray d = JniUtils.sub(u, one);
                PtNDArray exact = JniUtils.eq(d, x);
                PtNDArray ratio = JniUtils.div(x, d);
                PtNDArray correction = JniUtils.where(exact, one, ratio);
                PtNDArray logU = JniUtils.log(u);
                PtNDArray corrected = JniUtils.mul(logU, correction);
                PtNDArray tiny = JniUtils.eq(d, zero)) {
            return JniUtils.where(tiny, x, corrected);
        }
    }

    @Override
    public Tensor sqrt(Tensor t) {
        return unary("sqrt", t, JniUtils::sqrt);
    }

    @Override
    public Tensor abs(Tensor t) {
        return unary("abs", t, JniUtils::abs);
    }

    @Override
    public Tensor sign(Tensor t) {
        return unary("sign", t, JniUtils::sign);
    }

    @Override
    public Tensor tanh(Tensor t) {
        return unary("tanh", t, JniUtils::tanh);
    }

    @Override
    public Tensor sigmoid(Tensor t) {
        return unary("sigmoid", t, JniUtils::sigmoid);
    }

    @Override
    public Tensor relu(Tensor t) {
        return unary("relu", t, JniUtils::relu);
    }

    // ---------------------------------------------------------------- reductions

    @Override
    public Tensor sum(Tensor t, boolean keepDims, int... axes) {
        DType dtype = Shapes.operands(this, "sum", t);
        int[] ax = Shapes.reductionAxes(t.shape(), axes);
        long[] dims = Arrays.stream(ax).asLongStream().toArray();
        return run(Shapes.reduce(t.shape(), ax, keepDims), dtype, () -> JniUtils.sum(a(t), dims, keepDims));
    }

    @Override
    public Tensor mean(Tensor t, boolean keepDims, int... axes) {
        DType dtype = Shapes.operands(this, "mean", t);
        int[] ax = Shapes.reductionAxes(t.shape(), axes);
        long[] dims = Arrays.stream(ax).asLongStream().toArray();
        double count = 1;
        for (int axis : ax) {
            count *= t.shape().dim(axis);
        }
        double n = count;
        return run(Shapes.reduce(t.shape(), ax, keepDims), dtype, () -> {
            try (PtNDArray sum = JniUtils.sum(a(t), dims, keepDims); PtNDArray divisor = constant(n, dtype)) {
                return JniUtils.div(sum, divisor);
            }
        });
    }

    @Override
    public Tensor max(Tensor t, boolean keepDims, int... axes) {
        DType dtype = Shapes.operands(this, "max", t);
        int[] ax = Shapes.reductionAxes(t.shape(), axes);
        Shapes.nonEmptyReduction(t.shape(), ax);
        Shape out = Shapes.reduce(t.shape(), ax, keepDims);
        return run(out, dtype, () -> {
            // libtorch reduces one axis per call: the last first, keeping axes so that the numbering holds
            PtNDArray r = a(t);
            for (int i = ax.length - 1; i >= 0; i--) {
                PtNDArray next = JniUtils.max(r, ax[i], true);
                if (r != a(t)) {
                    r.close();
                }
                r = next;
            }
            if (r == a(t)) {
                return JniUtils.clone(r);
            }
            try (PtNDArray kept = r) {
                return JniUtils.reshape(kept, Transfers.shape(out).getShape());
            }
        });
    }

    // ---------------------------------------------------------------- linear algebra and convolution

    @Override
    public Tensor matmul(Tensor a, Tensor b, boolean transposeA, boolean transposeB) {
        DType dtype = Shapes.operands(this, "matmul", a, b);
        Shape out = Shapes.matmul(a.shape(), b.shape(), transposeA, transposeB);
        return run(out, dtype, () -> {
            try (Operand left = Operand.of(a(a), transposeA); Operand right = Operand.of(a(b), transposeB)) {
                return JniUtils.matmul(left.array(), right.array());
            }
        });
    }

    /** libtorch's {@code dot} of the flattened tensor with itself: one read. */
    @Override
    public Tensor sumOfSquares(Tensor t) {
        DType dtype = Shapes.operands(this, "sumOfSquares", t);
        if (t.shape().size() == 0) {
            return full(Shape.scalar(), dtype, 0.0);
        }
        return run(Shape.scalar(), dtype, () -> {
            try (PtNDArray flat = JniUtils.reshape(a(t), new long[] {t.shape().size()})) {
                return JniUtils.dot(flat, flat);
            }
        });
    }

    /**
     * F32: libtorch's {@code softplus} minus {@code t z}, three kernels where the default takes nine. Above 20,
     * {@code softplus} returns its argument, off by {@code log1p(exp(-20)) < 2.1e-9}, below half an F32 ulp of 20;
     * F64 keeps the default, whose precision that branch would not meet.
     */
    @Override
    public Tensor bceWithLogits(Tensor z, Tensor t) {
        DType dtype = Shapes.operands(this, "bceWithLogits", z, t);
        Shape out = Shapes.broadcast("bceWithLogits", z.shape(), t.shape());
        if (dtype == DType.F64) {
            return TensorBackend.super.bceWithLogits(z, t);
        }
        return run(out, dtype, () -> {
            try (PtNDArray softplus = JniUtils.softPlus(a(z)); PtNDArray tz = JniUtils.mul(a(t), a(z))) {
                return JniUtils.sub(softplus, tz);
            }
        });
    }

    /**
     * F32 cells of contiguous tensors in one pass of {@link OffHeapLstmCell} over their memory; others in fewer libtorch
     * calls than the composite ({@link LstmCells}).
     */
    @Override
    public LstmCellOutput lstmCell(Tensor gates, Tensor cell) {
        Shape state = Shapes.lstmCell(this, gates, cell);
        DType dtype = gates.dtype();
        applyThreads();
        if (dtype == DType.F32 && state.size() > 0 && Contiguity.all(a(gates), a(cell))) {
            return offHeapCell(a(gates), null, a(cell), gates.shape(), state);
        }
        PtNDArray[] out = LstmCells.forward(a(gates), a(cell));
        return new LstmCellOutput(scopes.adopt(this, out[0], state, dtype), scopes.adopt(this, out[1], state, dtype),
                scopes.adopt(this, out[2], gates.shape(), dtype));
    }

    /** F32 contiguous gates and cell: summed in {@link OffHeapLstmCell}'s pass; others added first. */
    @Override
    public LstmCellOutput lstmCell(Tensor inputGates, Tensor hiddenGates, Tensor cell) {
        Shape state = Shapes.lstmCell(this, inputGates, hiddenGates, cell);
        if (inputGates.dtype() == DType.F32 && state.size() > 0 && Contiguity.all(a(inputGates), a(hiddenGates), a(cell))) {
            applyThreads();
            return offHeapCell(a(inputGates), a(hiddenGates), a(cell), inputGates.shape(), state);
        }
        return TensorBackend.super.lstmCell(inputGates, hiddenGates, cell);
    }

    /** {@link OffHeapLstmCell}'s step of F32 gates {@code z} (plus {@code more} unless null) and cell {@code c}. */
    private LstmCellOutput offHeapCell(PtNDArray z, PtNDArray more, PtNDArray c, Shape gates, Shape state) {
        PtNDArray hidden = uninitialized(state, DType.F32);
        PtNDArray newCell = uninitialized(state, DType.F32);
        PtNDArray activations = uninitialized(gates, DType.F32);
        offHeapLstmCell.forward(state.dim(0), state.dim(1), memory(z), more == null ? null : memory(more), memory(c),
                memory(hidden), memory(newCell), memory(activations));
        return new LstmCellOutput(scopes.adopt(this, hidden, state, DType.F32), scopes.adopt(this, newCell, state, DType.F32),
                scopes.adopt(this, activations, gates, DType.F32));
    }

    /** The cell's backward as {@link #lstmCell} chooses: one pass of {@link OffHeapLstmCell}, or {@link LstmCells}. */
    @Override
    public LstmCellGradients lstmCellBackward(Tensor activations, Tensor cell, Tensor newCell, Tensor gradHidden,
            Tensor gradNewCell) {
        Shape state = Shapes.lstmCellBackward(this, activations, cell, newCell, gradHidden, gradNewCell);
        DType dtype = activations.dtype();
        applyThreads();
        PtNDArray[] in = {a(activations), a(cell), a(newCell), a(gradHidden), a(gradNewCell)};
        if (dtype == DType.F32 && state.size() > 0 && Contiguity.all(in)) {
            PtNDArray gradGates = uninitialized(activations.shape(), dtype);
            PtNDArray gradCell = uninitialized(state, dtype);
            offHeapLstmCell.backward(state.dim(0), state.dim(1), memory(in[0]), memory(in[1]), memory(in[2]),
                    memory(in[3]), memory(in[4]), memory(gradGates), memory(gradCell));
            return new LstmCellGradients(scopes.adopt(this, gradGates, activations.shape(), dtype),
                    scopes.adopt(this, gradCell, state, dtype));
        }
        try (PtNDArray one = constant(1, dtype)) {
            PtNDArray[] out = LstmCells.backward(in[0], in[1], in[2], in[3], in[4], one);
            return new LstmCellGradients(scopes.adopt(this, out[0], activations.shape(), dtype),
                    scopes.adopt(this, out[1], state, dtype));
        }
    }

    /** libtorch's {@code linear}: one {@code addmm} that starts from the bias, as PyTorch's {@code nn.Linear} runs. */
    @Override
    public Tensor linear(Tensor x, Tensor weight, Tensor bias) {
        DType dtype = Shapes.operands(this, "linear", x, weight, bias);
        Shape out = Shapes.linear(x.shape(), weight.shape(), bias.shape());
        return run(out, dtype, () -> JniUtils.linear(a(x), a(weight), a(bias)));
    }

    /** A matrix operand, or a transposed view of it that is closed after use. */
    private record Operand(PtNDArray array, boolean view) implements AutoCloseable {
        static Operand of(PtNDArray matrix, boolean transpose) {
            return transpose ? new Operand(JniUtils.transpose(matrix, 0, 1), true) : new Operand(matrix, false);
        }

        @Override
        public void close() {
            if (view) {
                array.close();
            }
        }
    }

    @Override
    public Tensor conv2d(Tensor x, Tensor weight, Conv2dParams params) {
        DType dtype = Shapes.operands(this, "conv2d", x, weight);
        Shape out = Shapes.conv2d(x.shape(), weight.shape(), params);
        return run(out, dtype, () -> Convolutions.forward(a(x), a(weight), params));
    }

    @Override
    public Tensor conv2dInputGrad(Tensor gradOut, Tensor weight, Shape inputShape, Conv2dParams params) {
        DType dtype = Shapes.operands(this, "conv2dInputGrad", gradOut, weight);
        Shapes.conv2dInputGrad(gradOut.shape(), weight.shape(), inputShape, params);
        return run(inputShape, dtype,
                () -> convolutions.inputGrad(scopes.current(), a(gradOut), a(weight), inputShape, params));
    }

    @Override
    public Tensor conv2dWeightGrad(Tensor x, Tensor gradOut, Shape weightShape, Conv2dParams params) {
        DType dtype = Shapes.operands(this, "conv2dWeightGrad", x, gradOut);
        Shapes.conv2dWeightGrad(x.shape(), gradOut.shape(), weightShape, params);
        return run(weightShape, dtype,
                () -> convolutions.weightGrad(scopes.current(), a(x), a(gradOut), weightShape, params));
    }

    @Override
    public Tensor conv2dTranspose(Tensor x, Tensor weight, Conv2dParams params, int outPadH, int outPadW) {
        DType dtype = Shapes.operands(this, "conv2dTranspose", x, weight);
        Shape out = Shapes.conv2dTranspose(x.shape(), weight.shape(), params, outPadH, outPadW);
        return run(out, dtype, () -> convolutions.inputGrad(scopes.current(), a(x), a(weight), out, params));
    }

    // ---------------------------------------------------------------- optimizer

    /**
     * F32 through DJL's native Adam kernel, which updates copies of the parameter and moments in place. It computes
     * MXNet's form {@code p -= corr * m / (sqrt(v) + eps)} (its learning rate only scales weight decay, unused here);
     * with {@code corr = stepSize * sqrtBias2} and {@code eps * sqrtBias2} as its epsilon that is PyTorch's update. F64 keeps the composition of
     * primitives, because the kernel takes its scalars as floats.
     */
    @Override
    public AdamUpdate adamStep(Tensor param, Tensor grad, Tensor m, Tensor v, AdamCoefficients c) {
        DType dtype = Shapes.operands(this, "adamStep", param, grad, m, v);
        Shapes.sameShapes("adamStep", param.shape(), grad.shape(), m.shape(), v.shape());
        if (dtype == DType.F64) {
            return TensorBackend.super.adamStep(param, grad, m, v, c);
        }
        PtNDArray p1 = JniUtils.clone(a(param));
        PtNDArray m1 = JniUtils.clone(a(m));
        PtNDArray v1 = JniUtils.clone(a(v));
        adam(p1, a(grad), m1, v1, c);
        Shape shape = param.shape();
        return new AdamUpdate(scopes.adopt(this, p1, shape, dtype), scopes.adopt(this, m1, shape, dtype),
                scopes.adopt(this, v1, shape, dtype));
    }

    /** DJL's Adam kernel updates its operands in place: here the tensors given up, with no copies. */
    @Override
    public AdamUpdate adamStepInPlace(Tensor param, Tensor grad, Tensor m, Tensor v, AdamCoefficients c) {
        DType dtype = Shapes.operands(this, "adamStep", param, grad, m, v);
        Shapes.sameShapes("adamStep", param.shape(), grad.shape(), m.shape(), v.shape());
        if (dtype == DType.F64 || param == m || param == v || m == v) {
            return adamStep(param, grad, m, v, c);
        }
        adam(a(param), a(grad), a(m), a(v), c);
        return new AdamUpdate(param, m, v);
    }

    /**
     * PyTorch's Adam update of {@code p}, {@code m} and {@code v}, in place: one pass over their memory when all four
     * are contiguous, else libtorch's kernel through DJL (which copies the gradient and makes about eleven passes).
     */
    private void adam(PtNDArray p, PtNDArray grad, PtNDArray m, PtNDArray v, AdamCoefficients c) {
        applyThreads();
        if (Contiguity.all(p, grad, m, v)) {
            offHeapAdam.step(Math.toIntExact(p.size()), p.toByteBuffer(true), grad.toByteBuffer(true), m.toByteBuffer(true),
                    v.toByteBuffer(true), c);
            return;
        }
        float noClipping = -1;
        JniUtils.adamUpdate(p, grad, m, v, (float) c.stepSize(), (float) (c.stepSize() * c.sqrtBias2()), 0, 1,
                noClipping, (float) c.beta1(), (float) c.beta2(), (float) (c.eps() * c.sqrtBias2()), false);
    }

    // ---------------------------------------------------------------- memory

    @Override
    public TensorScope newScope() {
        return scopes.open(this);
    }

    @Override
    public void release(Tensor t) {
        Shapes.operands(this, "release", t);
        ((DjlTensor) t).release();
    }

    @Override
    public String toString() {
        return "DjlBackend(" + version + ", " + device + ")";
    }
}
