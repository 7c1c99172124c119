package dev.autoencoder.api.autodiff;

import dev.autoencoder.api.LstmCellGradients;
import dev.autoencoder.api.LstmCellOutput;
import dev.autoencoder.api.Tensor;
import dev.autoencoder.api.TensorBackend;
import java.util.Arrays;

/**
 * Numerically stable composites, defined once over {@link Var} so that every backend computes them, and their
 * gradients, the same way. Elementwise functions return per-element values; the caller chooses the reduction
 * (for instance {@code bceWithLogits(z, x).mean()}).
 */
public final class Functions {
    /** PyTorch's floor for {@code log} inside binary cross-entropy on probabilities. */
    public static final double BCE_LOG_FLOOR = -100.0;
    /**
     * PyTorch's floor for {@code p (1 - p)} in the gradient of binary cross-entropy on probabilities: its
     * {@code EPSILON}, the float nearest 1e-12 (9.99999996e-13), in F64 as well.
     */
    public static final double BCE_GRADIENT_FLOOR = 1e-12f;

    private Functions() {
    }

    /**
     * {@code log(1 + e^x) = max(x, 0) + log1p(e^-|x|)}: no overflow for large {@code x}. {@code max(x, 0)} is the
     * tape's {@code maximum}, which splits the gradient at a tie, so that the gradient at exactly 0 is
     * {@code sigmoid(0) = 1/2} as PyTorch's ({@code relu}'s is 0 there, and so is {@code abs}'s).
     */
    public static Var softplus(Var x) {
        return x.maximum(x.tape().scalar(0, x.dtype())).add(x.abs().neg().exp().log1p());
    }

    /** {@code log(sigmoid(x)) = -softplus(-x)}. */
    public static Var logSigmoid(Var x) {
        return softplus(x.neg()).neg();
    }

    /**
     * Binary cross-entropy of targets {@code t} in [0, 1] under Bernoulli logits {@code z}, per element:
     * {@code -t log sigmoid(z) - (1 - t) log(1 - sigmoid(z)) = softplus(z) - t z}, one primitive
     * ({@link TensorBackend#bceWithLogits}) with PyTorch's gradients {@code g (sigmoid(z) - t)} and {@code -g z}.
     */
    public static Var bceWithLogits(Var z, Var t) {
        TensorBackend b = z.tape().backend();
        Tensor zv = z.value();
        Tensor tv = t.value();
        return z.tape().record(b.bceWithLogits(zv, tv), (i, g) -> i == 0
                ? Var.sumTo(b, b.mul(g, b.sub(b.sigmoid(zv), tv)), z.shape())
                : Var.sumTo(b, b.neg(b.mul(g, zv)), t.shape()), z, t);
    }

    /**
     * One step of PyTorch's LSTM cell ({@link TensorBackend#lstmCell}) from pre-activation {@code gates [n, 4h]} and the
     * {@code cell} state {@code [n, h]}: one operation on the tape with two outputs, whose gradients come from
     * {@link TensorBackend#lstmCellBackward} (a gradient that did not flow back counts as zeros).
     */
    public static LstmState lstmCell(Var gates, Var cell) {
        TensorBackend b = gates.tape().backend();
        return recordCell(b.lstmCell(gates.value(), cell.value()), gates, cell);
    }

    /**
     * {@link #lstmCell(Var, Var)} of the gates {@code inputGates + hiddenGates}, summed inside the backend's cell
     * ({@link TensorBackend#lstmCell(Tensor, Tensor, Tensor)}); both receive the gates' gradient, as a sum's operands do.
     */
    public static LstmState lstmCell(Var inputGates, Var hiddenGates, Var cell) {
        TensorBackend b = cell.tape().backend();
        return recordCell(b.lstmCell(inputGates.value(), hiddenGates.value(), cell.value()), inputGates, hiddenGates, cell);
    }

    /** Records a cell's step over {@code inputs}: the gates (one or two, each given the gates' gradient), then the cell. */
    private static LstmState recordCell(LstmCellOutput out, Var... inputs) {
        Var cell = inputs[inputs.length - 1];
        TensorBackend b = cell.tape().backend();
        Tensor c = cell.value();
        Var[] states = cell.tape().recordJoint(new Tensor[] {out.hidden(), out.cell()}, g -> {
            Tensor gradHidden = g[0] != null ? g[0] : b.zeros(c.shape(), c.dtype());
            Tensor gradCell = g[1] != null ? g[1] : b.zeros(c.shape(), c.dtype());
            LstmCellGradients grads = b.lstmCellBackward(out.activations(), c, out.cell(), gradHidden, gradCell);
            Tensor[] in = new Tensor[inputs.length];
            Arrays.fill(in, 0, inputs.length - 1, grads.gates());
            in[inputs.length - 1] = grads.cell();
            return in;
        }, inputs);
        return new LstmState(states[0], states[1]);
    }

    /**
     * Binary cross-entropy of targets {@code t} under probabilities {@code p}, per element, with each log
     * clamped below at {@value #BCE_LOG_FLOOR} exactly as PyTorch's {@code BCELoss} does. Its gradient in {@code p}
     * is PyTorch's too: {@code (p - t) / max(p (1 - p), 1e-12)}, the derivative inside (0, 1), large but finite at
     * the ends (where the clamped value itself would have none, or {@code 0 * inf}); the gradient in {@code t} is
     * the derivative of the value, {@code log(1 - p) - log p} with the clamped logs.
     */
    public static Var bce(Var p, Var t) {
        Tape tape = p.tape();
        Var floor = tape.scalar(BCE_LOG_FLOOR, p.dtype());
        Var logP = p.log().maximum(floor).detach();
        Var log1mP = p.rsub(1).log().maximum(floor).detach();
        Var value = t.mul(logP).add(t.rsub(1).mul(log1mP)).neg();
        Var slope = p.sub(t).div(p.mul(p.rsub(1)).maximum(tape.scalar(BCE_GRADIENT_FLOOR, p.dtype()))).detach();
        return value.add(p.sub(p.detach()).mul(slope));
    }

    /** {@code (a - b)^2} per element. */
    public static Var squaredError(Var a, Var b) {
        return a.sub(b).square();
    }

    /** Mean squared error over all elements. */
    public static Var mse(Var a, Var b) {
        return squaredError(a, b).mean();
    }

    /**
     * {@code KL(N(mu, e^logVar) || N(0, I))} per sample: {@code -1/2 sum(1 + logVar - mu^2 - e^logVar)} over every
     * axis but the first, giving shape {@code [n]}.
     */
    public static Var klToStdNormal(Var mu, Var logVar) {
        Var perDim = logVar.add(1).sub(mu.square()).sub(logVar.exp());
        int[] latentAxes = new int[mu.shape().rank() - 1];
        for (int i = 0; i < latentAxes.length; i++) {
            latentAxes[i] = i + 1;
        }
        return perDim.sum(false, latentAxes).mul(-0.5);
    }

    /** {@code log sum exp(x)} over {@code axis}, shifted by the (detached) maximum so nothing overflows. */
    public static Var logSumExp(Var x, int axis, boolean keepDims) {
        Var m = x.max(true, axis).detach();
        Var lse = x.sub(m).exp().sum(true, axis).log().add(m);
        return keepDims ? lse : lse.reshape(dropAxis(lse.shape().dims(), x.shape().axis(axis)));
    }

    private static int[] dropAxis(int[] dims, int axis) {
        int[] out = new int[dims.length - 1];
        for (int i = 0, j = 0; i < dims.length; i++) {
            if (i != axis) {
                out[j++] = dims[i];
            }
        }
        return out;
    }
}
