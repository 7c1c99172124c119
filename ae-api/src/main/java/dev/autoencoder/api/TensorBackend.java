package dev.autoencoder.api;

import java.nio.FloatBuffer;
import java.util.List;

/**
 * The complete, eager set of primitives a backend provides. Every method is mandatory: a backend whose
 * library lacks a kernel composes it from its own primitives. Backends never compute gradients; the
 * shared tape in {@code dev.autoencoder.api.autodiff} does, in terms of these primitives.
 *
 * <h2>Common rules</h2>
 * <ul>
 *   <li>Operands of one call belong to this backend ({@link BackendMismatchException} otherwise) and share one
 *       {@link DType} ({@link DTypeMismatchException} otherwise). Results have the operands' dtype unless
 *       stated.</li>
 *   <li>Binary elementwise operations broadcast like NumPy: shapes are aligned at their last axis, and each
 *       pair of dimensions must be equal or one of them 1 ({@link ShapeMismatchException} otherwise).</li>
 *   <li>Axes may be negative (counted from the end). Data is row-major.</li>
 *   <li>Non-finite values follow IEEE 754 and PyTorch: NaN propagates through arithmetic, maximum, minimum and
 *       reductions; comparisons with NaN are false (0).</li>
 *   <li>Shape rules live in {@link Shapes}; every backend calls them, so all backends reject the same inputs
 *       with the same exception type.</li>
 *   <li>A tensor created while a {@link TensorScope} of this backend is open on the current thread belongs to
 *       the innermost one and is released when it closes.</li>
 * </ul>
 */
public interface TensorBackend {

    /** Short stable name used for selection, e.g. {@code pure}, {@code nd4j}, {@code djl}. */
    String name();

    /** Version of the engine behind the backend, for provenance and {@code ae backends}. */
    String version();

    /** Optional features. */
    Capabilities capabilities();

    // ---------------------------------------------------------------- creation and transfer

    /** An F32 tensor holding a copy of {@code data}, whose length must equal {@code shape.size()}. */
    default Tensor fromFloats(float[] data, Shape shape) {
        return fromFloats(FloatBuffer.wrap(data), shape);
    }

    /**
     * An F32 tensor holding a copy of the floats from {@code data}'s position to its limit, whose number must equal
     * {@code shape.size()}; the buffer's position stays where it was. A view (a slice of a dataset) is uploaded
     * without being gathered into an array first.
     */
    Tensor fromFloats(FloatBuffer data, Shape shape);

    /** An F64 tensor holding a copy of {@code data}, whose length must equal {@code shape.size()}. */
    Tensor fromDoubles(double[] data, Shape shape);

    /** A tensor of the given dtype holding {@code data}, rounded to F32 when asked for. */
    default Tensor fromDoubles(double[] data, Shape shape, DType dtype) {
        if (dtype == DType.F64) {
            return fromDoubles(data, shape);
        }
        float[] f = new float[data.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) data[i];
        }
        return fromFloats(f, shape);
    }

    /** A tensor of the given shape and dtype with every element equal to {@code value}. */
    Tensor full(Shape shape, DType dtype, double value);

    /** A tensor of zeros. */
    default Tensor zeros(Shape shape, DType dtype) {
        return full(shape, dtype, 0.0);
    }

    /** A rank-0 tensor. */
    default Tensor scalar(double value, DType dtype) {
        return full(Shape.scalar(), dtype, value);
    }

    /** The elements in row-major order as floats (F64 data is rounded). */
    default float[] toFloats(Tensor t) {
        float[] out = new float[t.shape().size()];
        toFloats(t, FloatBuffer.wrap(out));
        return out;
    }

    /**
     * Writes the elements in row-major order as floats (F64 data is rounded) into {@code into} from its position on;
     * the buffer's position stays where it was. Results are written where the caller keeps them, without an array of
     * their own on the way.
     *
     * @throws ShapeMismatchException when fewer floats than {@code t}'s elements remain in {@code into}
     */
    void toFloats(Tensor t, FloatBuffer into);

    /** The elements in row-major order as doubles. */
    double[] toDoubles(Tensor t);

    /** {@code t} converted to {@code dtype} (round to nearest for F64 to F32). */
    Tensor cast(Tensor t, DType dtype);

    // ---------------------------------------------------------------- movement

    /** The same elements in row-major order with a new shape of equal size. */
    Tensor reshape(Tensor t, Shape shape);

    /**
     * Axes reordered: result dimension {@code i} is input dimension {@code axes[i]}. {@code axes} is a
     * permutation of {@code 0..rank-1}.
     */
    Tensor permute(Tensor t, int... axes);

    /** {@code t} repeated along broadcast axes to {@code shape} (NumPy rules; {@code t} cannot be larger). */
    Tensor broadcastTo(Tensor t, Shape shape);

    /** Elements {@code start <= i < end} along {@code axis}; {@code 0 <= start <= end <= dim}. */
    Tensor slice(Tensor t, int axis, int start, int end);

    /**
     * {@code t} surrounded by {@code value}: axis {@code i} gains {@code before[i]} elements in front and
     * {@code after[i]} behind. Both arrays have one non-negative entry per axis.
     */
    Tensor pad(Tensor t, int[] before, int[] after, double value);

    /** Tensors joined along {@code axis}; all other dimensions must be equal. At least one tensor. */
    Tensor concat(List<Tensor> parts, int axis);

    // ---------------------------------------------------------------- elementwise, broadcasting

    /** {@code a + b}. */
    Tensor add(Tensor a, Tensor b);

    /** {@code a - b}. */
    Tensor sub(Tensor a, Tensor b);

    /** {@code a * b}. */
    Tensor mul(Tensor a, Tensor b);

    /** {@code a / b} (IEEE: division by zero gives an infinity or NaN). */
    Tensor div(Tensor a, Tensor b);

    /** Elementwise maximum; NaN if either is NaN. */
    Tensor maximum(Tensor a, Tensor b);

    /** Elementwise minimum; NaN if either is NaN. */
    Tensor minimum(Tensor a, Tensor b);

    /** 1 where {@code a > b}, else 0, in the operands' dtype. */
    Tensor greater(Tensor a, Tensor b);

    /** 1 where {@code a >= b}, else 0, in the operands' dtype. */
    Tensor greaterEqual(Tensor a, Tensor b);

    /** 1 where {@code a == b}, else 0, in the operands' dtype. */
    Tensor equal(Tensor a, Tensor b);

    /** {@code cond != 0 ? a : b}, all three broadcast to one shape; {@code cond} has the dtype of a and b. */
    Tensor where(Tensor cond, Tensor a, Tensor b);

    // ---------------------------------------------------------------- elementwise, unary

    /** {@code -t}. */
    Tensor neg(Tensor t);

    /** {@code e^t}. */
    Tensor exp(Tensor t);

    /** Natural logarithm ({@code -inf} at 0, NaN below). */
    Tensor log(Tensor t);

    /** {@code log(1 + t)}, accurate for small {@code t}. */
    Tensor log1p(Tensor t);

    /** Square root (NaN below 0). */
    Tensor sqrt(Tensor t);

    /** Absolute value. */
    Tensor abs(Tensor t);

    /** -1, 0 or 1 by the sign of {@code t}; 0 for ±0 and for NaN, as PyTorch's {@code sign}. */
    Tensor sign(Tensor t);

    /** Hyperbolic tangent. */
    Tensor tanh(Tensor t);

    /** Logistic function {@code 1 / (1 + e^-t)}, computed without overflow for large {@code |t|}. */
    Tensor sigmoid(Tensor t);

    /** {@code max(t, 0)}; NaN stays NaN, as PyTorch's {@code relu}. */
    Tensor relu(Tensor t);

    /**
     * The backward of {@link #relu} from its output: {@code grad} where {@code y > 0}, else 0; {@code y} and
     * {@code grad} have one shape. The default is a mask and a product; a backend does it in one pass.
     */
    default Tensor reluBackward(Tensor y, Tensor grad) {
        DType dtype = Shapes.operands(this, "reluBackward", y, grad);
        Shapes.sameShapes("reluBackward", y.shape(), grad.shape());
        return mul(grad, greater(y, zeros(Shape.scalar(), dtype)));
    }

    /**
     * Binary cross-entropy of targets {@code t} under Bernoulli logits {@code z}, per element and with broadcasting:
     * {@code softplus(z) - t z}, with {@code softplus(z) = max(z, 0) + log1p(exp(-|z|))} so that no logit overflows.
     * The default composes eight primitives; a backend computes it in one pass.
     */
    default Tensor bceWithLogits(Tensor z, Tensor t) {
        DType dtype = Shapes.operands(this, "bceWithLogits", z, t);
        Shapes.broadcast("bceWithLogits", z.shape(), t.shape());
        Tensor softplus = add(maximum(z, zeros(Shape.scalar(), dtype)), log1p(exp(neg(abs(z)))));
        return sub(softplus, mul(t, z));
    }

    /**
     * One step of PyTorch's LSTM cell from the pre-activation gates {@code gates [n, 4h]} (blocks i, f, g, o, in that
     * order) and the cell state {@code cell [n, h]}: {@code i = sigmoid(z_i)}, {@code f = sigmoid(z_f)},
     * {@code g = tanh(z_g)}, {@code o = sigmoid(z_o)}, {@code c' = f c + i g} and {@code h' = o tanh(c')}. The default
     * composes fourteen primitives ({@link LstmCellOutput#composed}); a backend computes it in one pass.
     */
    default LstmCellOutput lstmCell(Tensor gates, Tensor cell) {
        Shapes.lstmCell(this, gates, cell);
        return LstmCellOutput.composed(this, gates, cell);
    }

    /**
     * {@link #lstmCell(Tensor, Tensor)} of the gates {@code inputGates + hiddenGates}, both {@code [n, 4h]}: a step's
     * input and hidden gates apart, as PyTorch's fused cell takes them, so that their sum costs no pass of its own. The
     * default adds them first.
     */
    default LstmCellOutput lstmCell(Tensor inputGates, Tensor hiddenGates, Tensor cell) {
        Shapes.lstmCell(this, inputGates, hiddenGates, cell);
        return lstmCell(add(inputGates, hiddenGates), cell);
    }

    /**
     * The backward of {@link #lstmCell}: given the step's {@code activations}, the {@code cell} state it started from,
     * the {@code newCell} it produced and the gradients of its new hidden and cell states, the gradients of its
     * pre-activation gates and of {@code cell}. With {@code tc = tanh(c')} and
     * {@code dc = dc' + dh o (1 - tc^2)}: {@code dz_i = dc g i (1 - i)}, {@code dz_f = dc c f (1 - f)},
     * {@code dz_g = dc i (1 - g^2)}, {@code dz_o = dh tc o (1 - o)} and {@code dc f}. The default composes primitives
     * ({@link LstmCellGradients#composed}); a backend computes it in one pass.
     */
    default LstmCellGradients lstmCellBackward(Tensor activations, Tensor cell, Tensor newCell, Tensor gradHidden,
            Tensor gradNewCell) {
        Shapes.lstmCellBackward(this, activations, cell, newCell, gradHidden, gradNewCell);
        return LstmCellGradients.composed(this, activations, cell, newCell, gradHidden, gradNewCell);
    }

    // ---------------------------------------------------------------- reductions

    /**
     * Sum over {@code axes} (all axes when none are given). With {@code keepDims} the reduced axes stay with
     * size 1, otherwise they are removed. Axes must be distinct.
     */
    Tensor sum(Tensor t, boolean keepDims, int... axes);

    /** Arithmetic mean over {@code axes}, with the rules of {@link #sum}. */
    Tensor mean(Tensor t, boolean keepDims, int... axes);

    /** Maximum over {@code axes}, with the rules of {@link #sum}; reduced axes must not be empty. */
    Tensor max(Tensor t, boolean keepDims, int... axes);

    /**
     * The sum of the squares of all elements, a scalar of {@code t}'s dtype: the term of a global gradient norm. The
     * default squares and sums (two passes and a copy); a backend reads {@code t} once.
     */
    default Tensor sumOfSquares(Tensor t) {
        Shapes.operands(this, "sumOfSquares", t);
        return sum(mul(t, t), false);
    }

    // ---------------------------------------------------------------- linear algebra and convolution

    /**
     * Matrix product of rank-2 operands {@code op(a) x op(b)}, where {@code op} transposes when its flag is set:
     * {@code op(a)} is {@code [m, k]}, {@code op(b)} is {@code [k, n]}, the result {@code [m, n]}.
     */
    Tensor matmul(Tensor a, Tensor b, boolean transposeA, boolean transposeB);

    /**
     * PyTorch's {@code linear}, {@code x W^T + b}: input {@code x [n, in]}, {@code weight [out, in]}, {@code bias [out]},
     * result {@code [n, out]}. This default is {@link #matmul} and {@link #add}; a backend fuses them where its product
     * can start from the bias, saving a pass over the result.
     */
    default Tensor linear(Tensor x, Tensor weight, Tensor bias) {
        Shapes.operands(this, "linear", x, weight, bias);
        Shapes.linear(x.shape(), weight.shape(), bias.shape());
        return add(matmul(x, weight, false, true), bias);
    }

    /**
     * 2-D cross-correlation exactly as PyTorch's {@code conv2d} without bias or dilation: input {@code x}
     * {@code [n, c, h, w]} (NCHW), weight {@code [o, c, kh, kw]}, result {@code [n, o, oh, ow]} with
     * {@code oh = (h + 2 padH - kh) / strideH + 1} (floor; must be at least 1), likewise {@code ow}. Padding is
     * zeros on both sides.
     */
    Tensor conv2d(Tensor x, Tensor weight, Conv2dParams params);

    /**
     * Gradient of {@link #conv2d} with respect to its input: given {@code gradOut [n, o, oh, ow]} and
     * {@code weight [o, c, kh, kw]}, returns {@code [n, c, h, w] = inputShape}. Input rows and columns that
     * the forward convolution never read (when the stride does not divide evenly) get 0.
     */
    Tensor conv2dInputGrad(Tensor gradOut, Tensor weight, Shape inputShape, Conv2dParams params);

    /**
     * Gradient of {@link #conv2d} with respect to its weight: given the input {@code x [n, c, h, w]} and
     * {@code gradOut [n, o, oh, ow]}, returns {@code weightShape = [o, c, kh, kw]}, summed over the batch.
     */
    Tensor conv2dWeightGrad(Tensor x, Tensor gradOut, Shape weightShape, Conv2dParams params);

    /**
     * Transposed convolution exactly as PyTorch's {@code conv_transpose2d} without bias, groups or dilation:
     * input {@code [n, c, h, w]}, weight {@code [c, o, kh, kw]} (note: in-channels first), result
     * {@code [n, o, oh, ow]} with {@code oh = (h - 1) strideH - 2 padH + kh + outPadH}, likewise {@code ow}.
     * It equals {@link #conv2dInputGrad} of a convolution with that weight whose input has the result's shape;
     * the output padding adds rows and columns at the bottom and right that only padding contributes to, and
     * must be smaller than the stride.
     */
    Tensor conv2dTranspose(Tensor x, Tensor weight, Conv2dParams params, int outPadH, int outPadW);

    // ---------------------------------------------------------------- optimizer

    /**
     * One Adam step ({@link AdamCoefficients} gives the formula) on a parameter, its gradient and its two moments,
     * which have one shape and dtype; the results are new tensors and the operands are unchanged. This default
     * composes primitives (a dozen passes over memory); a backend overrides it with one fused pass where it can,
     * since for models with many weights and little arithmetic the update costs as much as the products.
     */
    default AdamUpdate adamStep(Tensor param, Tensor grad, Tensor m, Tensor v, AdamCoefficients c) {
        Shapes.operands(this, "adamStep", param, grad, m, v);
        Shapes.sameShapes("adamStep", param.shape(), grad.shape(), m.shape(), v.shape());
        DType dt = param.dtype();
        Tensor m1 = add(mul(m, scalar(c.beta1(), dt)), mul(grad, scalar(1 - c.beta1(), dt)));
        Tensor v1 = add(mul(v, scalar(c.beta2(), dt)), mul(mul(grad, grad), scalar(1 - c.beta2(), dt)));
        Tensor denominator = add(div(sqrt(v1), scalar(c.sqrtBias2(), dt)), scalar(c.eps(), dt));
        Tensor p1 = sub(param, mul(div(m1, denominator), scalar(c.stepSize(), dt)));
        return new AdamUpdate(p1, m1, v1);
    }

    /**
     * {@link #adamStep} for a caller that gives up {@code param}, {@code m} and {@code v} (an optimizer, which drops
     * the old values): a backend may write the results into their storage and return those same tensors, so that a
     * step allocates and copies nothing. Afterwards the three are used only through the result. The default is
     * {@link #adamStep}.
     */
    default AdamUpdate adamStepInPlace(Tensor param, Tensor grad, Tensor m, Tensor v, AdamCoefficients c) {
        return adamStep(param, grad, m, v, c);
    }

    // ---------------------------------------------------------------- memory

    /**
     * Opens a scope on the current thread. Tensors created until it closes belong to it and are released on
     * {@link TensorScope#close()}, except those passed to {@link TensorScope#keep}. Scopes nest.
     */
    TensorScope newScope();

    /**
     * Releases a tensor that lives outside any scope (a parameter replaced by its update, say) now rather than
     * when the garbage collector finds it. Using it afterwards is an error. A no-op on the pure backend.
     */
    void release(Tensor t);
}
