package dev.autoencoder.api.autodiff;

import dev.autoencoder.api.Conv2dParams;
import dev.autoencoder.api.DType;
import dev.autoencoder.api.Shape;
import dev.autoencoder.api.Shapes;
import dev.autoencoder.api.Tensor;
import dev.autoencoder.api.TensorBackend;
import java.util.Arrays;

/**
 * A tensor value on a {@link Tape}, with differentiable operations. Each method computes its result with one
 * or a few backend primitives and records the vector-Jacobian rule of the operation, also written in
 * primitives. Broadcasting binary operations reduce their gradients back to each operand's shape.
 */
public final class Var {
    private final Tape tape;
    private final Tensor value;
    private final boolean requiresGrad;

    Var(Tape tape, Tensor value, boolean requiresGrad) {
        this.tape = tape;
        this.value = value;
        this.requiresGrad = requiresGrad;
    }

    /** The computed value. */
    public Tensor value() {
        return value;
    }

    /** The tape this value lives on. */
    public Tape tape() {
        return tape;
    }

    /** Whether a gradient flows to this value. */
    public boolean requiresGrad() {
        return requiresGrad;
    }

    /** Shape of the value. */
    public Shape shape() {
        return value.shape();
    }

    /** Element type of the value. */
    public DType dtype() {
        return value.dtype();
    }

    /** The same value, cut off from the gradient (a stop-gradient). */
    public Var detach() {
        return requiresGrad ? tape.constant(value) : this;
    }

    private TensorBackend b() {
        return tape.backend();
    }

    private Var record(Tensor y, Tape.VjpRule rule, Var... inputs) {
        return tape.record(y, rule, inputs);
    }

    private Tensor scalarTensor(double v) {
        return b().scalar(v, dtype());
    }

    // ---------------------------------------------------------------- binary, broadcasting

    /** {@code this + o}. */
    public Var add(Var o) {
        return record(b().add(value, o.value), (i, g) -> sumTo(b(), g, i == 0 ? shape() : o.shape()), this, o);
    }

    /** {@code this - o}. */
    public Var sub(Var o) {
        return record(b().sub(value, o.value),
                (i, g) -> i == 0 ? sumTo(b(), g, shape()) : sumTo(b(), b().neg(g), o.shape()), this, o);
    }

    /** {@code this * o}. */
    public Var mul(Var o) {
        return record(b().mul(value, o.value), (i, g) -> i == 0 ? sumTo(b(), b().mul(g, o.value), shape())
                : sumTo(b(), b().mul(g, value), o.shape()), this, o);
    }

    /** {@code this / o}. */
    public Var div(Var o) {
        Tensor y = b().div(value, o.value);
        return record(y, (i, g) -> i == 0 ? sumTo(b(), b().div(g, o.value), shape())
                : sumTo(b(), b().neg(b().div(b().mul(g, y), o.value)), o.shape()), this, o);
    }

    /** Elementwise maximum; at ties each operand gets half the gradient, as in PyTorch. */
    public Var maximum(Var o) {
        return record(b().maximum(value, o.value), (i, g) -> i == 0 ? sumTo(b(), b().mul(g, share(value, o.value)), shape())
                : sumTo(b(), b().mul(g, share(o.value, value)), o.shape()), this, o);
    }

    /** Elementwise minimum; at ties each operand gets half the gradient, as in PyTorch. */
    public Var minimum(Var o) {
        return record(b().minimum(value, o.value), (i, g) -> i == 0 ? sumTo(b(), b().mul(g, share(o.value, value)), shape())
                : sumTo(b(), b().mul(g, share(value, o.value)), o.shape()), this, o);
    }

    /** 1 where {@code winner > loser}, 0.5 where equal, else 0: the gradient share of {@code winner}. */
    private Tensor share(Tensor winner, Tensor loser) {
        Tensor half = b().mul(b().equal(winner, loser), scalarTensor(0.5));
        return b().add(b().greater(winner, loser), half);
    }

    /** {@code this + c}. */
    public Var add(double c) {
        return add(tape.scalar(c, dtype()));
    }

    /** {@code this * c}. */
    public Var mul(double c) {
        return mul(tape.scalar(c, dtype()));
    }

    /** {@code c - this}. */
    public Var rsub(double c) {
        return tape.scalar(c, dtype()).sub(this);
    }

    /** {@code this * this}. */
    public Var square() {
        return mul(this);
    }

    /** 1 where {@code this > o}, else 0; no gradient. */
    public Var greater(Var o) {
        return tape.constant(b().greater(value, o.value));
    }

    // ---------------------------------------------------------------- unary

    /** {@code -this}. */
    public Var neg() {
        return record(b().neg(value), (i, g) -> b().neg(g), this);
    }

    /** {@code e^this}. */
    public Var exp() {
        Tensor y = b().exp(value);
        return record(y, (i, g) -> b().mul(g, y), this);
    }

    /** Natural logarithm. */
    public Var log() {
        return record(b().log(value), (i, g) -> b().div(g, value), this);
    }

    /** {@code log(1 + this)}. */
    public Var log1p() {
        return record(b().log1p(value), (i, g) -> b().div(g, b().add(value, scalarTensor(1))), this);
    }

    /** Square root. */
    public Var sqrt() {
        Tensor y = b().sqrt(value);
        return record(y, (i, g) -> b().div(b().mul(g, scalarTensor(0.5)), y), this);
    }

    /** Absolute value; its gradient is the sign (0 at 0, as in PyTorch). */
    public Var abs() {
        return record(b().abs(value), (i, g) -> b().mul(g, b().sign(value)), this);
    }

    /** The sign (-1, 0, 1); no gradient (it is 0 almost everywhere). */
    public Var sign() {
        return tape.constant(b().sign(value));
    }

    /** Hyperbolic tangent; gradient {@code 1 - y^2}. */
    public Var tanh() {
        Tensor y = b().tanh(value);
        return record(y, (i, g) -> b().mul(g, b().sub(scalarTensor(1), b().mul(y, y))), this);
    }

    /** Logistic sigmoid; gradient {@code y (1 - y)}. */
    public Var sigmoid() {
        Tensor y = b().sigmoid(value);
        return record(y, (i, g) -> b().mul(g, b().mul(y, b().sub(scalarTensor(1), y))), this);
    }

    /** {@code max(this, 0)}; gradient 1 where the input is positive, else 0 (as in PyTorch). */
    public Var relu() {
        Tensor y = b().relu(value);
        return record(y, (i, g) -> b().reluBackward(y, g), this);
    }

    /**
     * {@code x} where {@code x > 0}, else {@code slope * x}, for {@code 0 <= slope <= 1}; its gradient is 1 or
     * {@code slope}, and {@code slope} at exactly 0, as in PyTorch.
     */
    public Var leakyRelu(double slope) {
        Tensor factor = b().where(b().greater(value, scalarTensor(0)), scalarTensor(1), scalarTensor(slope));
        return mul(tape.constant(factor));
    }

    // ---------------------------------------------------------------- reductions

    /** Sum over {@code axes} (all when none); see {@link TensorBackend#sum}. */
    public Var sum(boolean keepDims, int... axes) {
        int[] ax = Shapes.reductionAxes(shape(), axes);
        return record(b().sum(value, keepDims, axes), (i, g) -> spread(g, ax), this);
    }

    /** Sum of all elements, a scalar. */
    public Var sum() {
        return sum(false);
    }

    /** Mean over {@code axes} (all when none). */
    public Var mean(boolean keepDims, int... axes) {
        int[] ax = Shapes.reductionAxes(shape(), axes);
        double count = 1;
        for (int a : ax) {
            count *= shape().dim(a);
        }
        Tensor inv = scalarTensor(1.0 / count);
        return record(b().mean(value, keepDims, axes), (i, g) -> b().mul(spread(g, ax), inv), this);
    }

    /** Mean of all elements, a scalar. */
    public Var mean() {
        return mean(false);
    }

    /** Maximum over {@code axes} (all when none); ties share the gradient evenly, as PyTorch's {@code amax}. */
    public Var max(boolean keepDims, int... axes) {
        int[] ax = Shapes.reductionAxes(shape(), axes);
        Tensor y = b().max(value, keepDims, axes);
        return record(y, (i, g) -> {
            Tensor mask = b().equal(value, spread(y, ax));
            Tensor count = b().sum(mask, true, ax);
            return b().mul(mask, spread(b().div(b().reshape(g, Shapes.reduce(shape(), ax, true)), count), ax));
        }, this);
    }

    /** A reduced tensor (kept or removed axes) broadcast back to this shape. */
    private Tensor spread(Tensor reduced, int[] axes) {
        return b().broadcastTo(b().reshape(reduced, Shapes.reduce(shape(), axes, true)), shape());
    }

    // ---------------------------------------------------------------- movement

    /** The same elements with a new shape. */
    public Var reshape(int... dims) {
        Shape from = shape();
        return record(b().reshape(value, Shape.of(dims)), (i, g) -> b().reshape(g, from), this);
    }

    /** Axes reordered: dimension {@code i} of the result is dimension {@code axes[i]} of this. */
    public Var permute(int... axes) {
        Tensor y = b().permute(value, axes);
        int[] ax = Shapes.normalizeAxes(shape(), axes);
        int[] inverse = new int[ax.length];
        for (int i = 0; i < ax.length; i++) {
            inverse[ax[i]] = i;
        }
        return record(y, (i, g) -> b().permute(g, inverse), this);
    }

    /** The transpose of a rank-2 value. */
    public Var transpose() {
        return permute(1, 0);
    }

    /** Broadcast to {@code shape}. */
    public Var broadcastTo(Shape target) {
        return record(b().broadcastTo(value, target), (i, g) -> sumTo(b(), g, shape()), this);
    }

    /** Elements {@code start <= i < end} along {@code axis}. */
    public Var slice(int axis, int start, int end) {
        Tensor y = b().slice(value, axis, start, end);
        int a = shape().axis(axis);
        return record(y, (i, g) -> {
            int[] before = new int[shape().rank()];
            int[] after = new int[shape().rank()];
            before[a] = start;
            after[a] = shape().dim(a) - end;
            return b().pad(g, before, after, 0.0);
        }, this);
    }

    /** Surrounded by {@code fill}: {@code before[i]} and {@code after[i]} elements on axis {@code i}. */
    public Var pad(int[] before, int[] after, double fill) {
        Tensor y = b().pad(value, before, after, fill);
        return record(y, (i, g) -> {
            Tensor inner = g;
            for (int a = 0; a < before.length; a++) {
                if (before[a] != 0 || after[a] != 0) {
                    inner = b().slice(inner, a, before[a], before[a] + shape().dim(a));
                }
            }
            return inner;
        }, this);
    }

    /** Converted to another dtype; the gradient is converted back. */
    public Var cast(DType target) {
        DType from = dtype();
        return record(b().cast(value, target), (i, g) -> b().cast(g, from), this);
    }

    // ---------------------------------------------------------------- linear algebra and convolution

    /** {@code op(this) x op(o)} for rank-2 values. */
    public Var matmul(Var o, boolean transposeThis, boolean transposeOther) {
        Tensor y = b().matmul(value, o.value, transposeThis, transposeOther);
        return record(y, (i, g) -> {
            if (i == 0) {
                return transposeThis ? b().matmul(o.value, g, transposeOther, true)
                        : b().matmul(g, o.value, false, !transposeOther);
            }
            return transposeOther ? b().matmul(g, value, true, transposeThis)
                    : b().matmul(value, g, !transposeThis, false);
        }, this, o);
    }

    /** {@code this x o}. */
    public Var matmul(Var o) {
        return matmul(o, false, false);
    }

    /**
     * {@code this W^T + b} for this {@code [n, in]}, {@code weight [out, in]} and {@code bias [out]}, PyTorch's
     * {@code Linear}: gradients {@code g W}, {@code g^T x} and the column sums of {@code g}.
     */
    public Var linear(Var weight, Var bias) {
        Tensor y = b().linear(value, weight.value, bias.value);
        return record(y, (i, g) -> switch (i) {
            case 0 -> b().matmul(g, weight.value, false, false);
            case 1 -> b().matmul(g, value, true, false);
            default -> b().sum(g, false, 0);
        }, this, weight, bias);
    }

    /** 2-D convolution of this NCHW input with {@code weight [o, c, kh, kw]}. */
    public Var conv2d(Var weight, Conv2dParams p) {
        Tensor y = b().conv2d(value, weight.value, p);
        return record(y, (i, g) -> i == 0 ? b().conv2dInputGrad(g, weight.value, shape(), p)
                : b().conv2dWeightGrad(value, g, weight.shape(), p), this, weight);
    }

    /** Transposed convolution of this NCHW input with {@code weight [c, o, kh, kw]}. */
    public Var conv2dTranspose(Var weight, Conv2dParams p, int outPadH, int outPadW) {
        Tensor y = b().conv2dTranspose(value, weight.value, p, outPadH, outPadW);
        return record(y, (i, g) -> i == 0 ? b().conv2d(g, weight.value, p)
                : b().conv2dWeightGrad(g, value, weight.shape(), p), this, weight);
    }

    /** Sums a broadcast gradient over the axes that broadcasting added or stretched, back to {@code target}. */
    static Tensor sumTo(TensorBackend backend, Tensor g, Shape target) {
        Shape s = g.shape();
        if (s.equals(target)) {
            return g;
        }
        int lead = s.rank() - target.rank();
        int[] axes = new int[s.rank()];
        int n = 0;
        for (int i = 0; i < s.rank(); i++) {
            if (i < lead || (target.dim(i - lead) == 1 && s.dim(i) != 1)) {
                axes[n++] = i;
            }
        }
        Tensor summed = n == 0 ? g : backend.sum(g, true, Arrays.copyOf(axes, n));
        return backend.reshape(summed, target);
    }

    @Override
    public String toString() {
        return "Var" + shape() + (requiresGrad ? " (grad)" : "");
    }
}
