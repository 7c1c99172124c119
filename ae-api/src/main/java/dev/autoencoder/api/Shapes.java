package dev.autoencoder.api;

import java.util.Arrays;
import java.util.List;

/**
 * The shape rules of every primitive, shared by all backends so that they accept and reject exactly the same
 * inputs. Each method validates its operands and returns the result shape, or throws the ae-api exception
 * that names the shapes involved.
 */
public final class Shapes {
    private Shapes() {
    }

    /** Checks that every operand belongs to {@code backend} and that all share one dtype, which it returns. */
    public static DType operands(TensorBackend backend, String op, Tensor... ts) {
        DType dtype = ts[0].dtype();
        for (Tensor t : ts) {
            if (t.backend() != backend) {
                throw new BackendMismatchException(op + ": operand of backend '" + t.backend().name()
                        + "' passed to backend '" + backend.name() + "'");
            }
            if (t.dtype() != dtype) {
                throw new DTypeMismatchException(op + ": mixed dtypes " + ts[0].dtype() + " and " + t.dtype());
            }
        }
        if (!backend.capabilities().supports(dtype)) {
            throw new DTypeMismatchException(op + ": backend '" + backend.name() + "' does not support " + dtype);
        }
        return dtype;
    }

    /** Checks that every shape equals the first. */
    public static void sameShapes(String op, Shape... shapes) {
        for (Shape s : shapes) {
            if (!s.equals(shapes[0])) {
                throw new ShapeMismatchException(op + ": operands must have one shape, got " + Arrays.toString(shapes));
            }
        }
    }

    /** NumPy broadcast of two shapes. */
    public static Shape broadcast(String op, Shape a, Shape b) {
        int rank = Math.max(a.rank(), b.rank());
        int[] out = new int[rank];
        for (int i = 0; i < rank; i++) {
            int da = i < rank - a.rank() ? 1 : a.dim(i - (rank - a.rank()));
            int db = i < rank - b.rank() ? 1 : b.dim(i - (rank - b.rank()));
            if (da != db && da != 1 && db != 1) {
                throw new ShapeMismatchException(op + ": shapes " + a + " and " + b + " do not broadcast");
            }
            out[i] = da == 1 ? db : da;
        }
        return Shape.of(out);
    }

    /** Checks that {@code from} broadcasts to exactly {@code to}. */
    public static Shape broadcastTo(Shape from, Shape to) {
        if (from.rank() > to.rank() || !broadcast("broadcastTo", from, to).equals(to)) {
            throw new ShapeMismatchException("broadcastTo: shape " + from + " cannot be broadcast to " + to);
        }
        return to;
    }

    /** Checks that a reshape keeps the element count. */
    public static Shape reshape(Shape from, Shape to) {
        if (from.size() != to.size()) {
            throw new ShapeMismatchException("reshape: cannot reshape " + from + " (" + from.size()
                    + " elements) to " + to + " (" + to.size() + " elements)");
        }
        return to;
    }

    /** Result shape of a permutation; {@code axes} must be a permutation of the axes. */
    public static Shape permute(Shape s, int[] axes) {
        if (axes.length != s.rank()) {
            throw new InvalidArgumentException("permute: " + Arrays.toString(axes) + " does not list the "
                    + s.rank() + " axes of shape " + s);
        }
        boolean[] seen = new boolean[axes.length];
        int[] out = new int[axes.length];
        for (int i = 0; i < axes.length; i++) {
            int a = axes[i] < 0 ? axes[i] + s.rank() : axes[i];
            if (a < 0 || a >= s.rank() || seen[a]) {
                throw new InvalidArgumentException("permute: " + Arrays.toString(axes)
                        + " is not a permutation of the axes of shape " + s);
            }
            seen[a] = true;
            out[i] = s.dim(a);
        }
        return Shape.of(out);
    }

    /** Normalised permutation axes (non-negative). Call after {@link #permute}. */
    public static int[] normalizeAxes(Shape s, int[] axes) {
        int[] out = new int[axes.length];
        for (int i = 0; i < axes.length; i++) {
            out[i] = s.axis(axes[i]);
        }
        return out;
    }

    /** Result shape of a slice along one axis. */
    public static Shape slice(Shape s, int axis, int start, int end) {
        int a = s.axis(axis);
        if (start < 0 || end < start || end > s.dim(a)) {
            throw new InvalidArgumentException("slice: range [" + start + ", " + end + ") is outside axis " + axis
                    + " of shape " + s);
        }
        return s.withDim(a, end - start);
    }

    /** Result shape of a constant pad. */
    public static Shape pad(Shape s, int[] before, int[] after) {
        if (before.length != s.rank() || after.length != s.rank()) {
            throw new InvalidArgumentException("pad: need one before and one after amount per axis of shape " + s
                    + ", got " + Arrays.toString(before) + " and " + Arrays.toString(after));
        }
        int[] out = s.dims();
        for (int i = 0; i < out.length; i++) {
            if (before[i] < 0 || after[i] < 0) {
                throw new InvalidArgumentException("pad: negative padding " + Arrays.toString(before) + " / "
                        + Arrays.toString(after));
            }
            out[i] += before[i] + after[i];
        }
        return Shape.of(out);
    }

    /** Result shape of a concatenation. */
    public static Shape concat(List<Shape> parts, int axis) {
        if (parts.isEmpty()) {
            throw new InvalidArgumentException("concat: nothing to concatenate");
        }
        Shape first = parts.get(0);
        int a = first.axis(axis);
        int total = 0;
        for (Shape p : parts) {
            if (p.rank() != first.rank()) {
                throw new ShapeMismatchException("concat: ranks differ, " + first + " and " + p);
            }
            for (int i = 0; i < p.rank(); i++) {
                if (i != a && p.dim(i) != first.dim(i)) {
                    throw new ShapeMismatchException("concat: shapes " + first + " and " + p
                            + " differ outside axis " + axis);
                }
            }
            total += p.dim(a);
        }
        return first.withDim(a, total);
    }

    /** Distinct normalised reduction axes; all axes when none are given. */
    public static int[] reductionAxes(Shape s, int[] axes) {
        if (axes.length == 0) {
            int[] all = new int[s.rank()];
            Arrays.setAll(all, i -> i);
            return all;
        }
        boolean[] seen = new boolean[s.rank()];
        int[] out = new int[axes.length];
        for (int i = 0; i < axes.length; i++) {
            out[i] = s.axis(axes[i]);
            if (seen[out[i]]) {
                throw new InvalidArgumentException("reduction: axis " + axes[i] + " listed twice for shape " + s);
            }
            seen[out[i]] = true;
        }
        Arrays.sort(out);
        return out;
    }

    /** Result shape of a reduction over {@code axes} (as returned by {@link #reductionAxes}). */
    public static Shape reduce(Shape s, int[] axes, boolean keepDims) {
        boolean[] reduced = new boolean[s.rank()];
        for (int a : axes) {
            reduced[a] = true;
        }
        int[] out = new int[keepDims ? s.rank() : s.rank() - axes.length];
        for (int i = 0, j = 0; i < s.rank(); i++) {
            if (!reduced[i]) {
                out[j++] = s.dim(i);
            } else if (keepDims) {
                out[j++] = 1;
            }
        }
        return Shape.of(out);
    }

    /** Checks that a max reduction has something to reduce. */
    public static void nonEmptyReduction(Shape s, int[] axes) {
        for (int a : axes) {
            if (s.dim(a) == 0) {
                throw new ShapeMismatchException("max: axis " + a + " of shape " + s + " is empty");
            }
        }
    }

    /** Result shape of {@code op(a) x op(b)}. */
    public static Shape matmul(Shape a, Shape b, boolean ta, boolean tb) {
        if (a.rank() != 2 || b.rank() != 2) {
            throw new ShapeMismatchException("matmul: operands must be rank 2, got " + a + " and " + b);
        }
        int m = ta ? a.dim(1) : a.dim(0);
        int ka = ta ? a.dim(0) : a.dim(1);
        int kb = tb ? b.dim(1) : b.dim(0);
        int n = tb ? b.dim(0) : b.dim(1);
        if (ka != kb) {
            throw new ShapeMismatchException("matmul: inner dimensions differ, " + a + (ta ? "^T" : "") + " x "
                    + b + (tb ? "^T" : ""));
        }
        return Shape.of(m, n);
    }

    /** Result shape {@code [n, out]} of {@link TensorBackend#linear}: {@code x [n, in]}, {@code weight [out, in]}, {@code bias [out]}. */
    public static Shape linear(Shape x, Shape weight, Shape bias) {
        Shape y = matmul(x, weight, false, true);
        if (bias.rank() != 1 || bias.dim(0) != weight.dim(0)) {
            throw new ShapeMismatchException("linear: the bias must be [" + weight.dim(0) + "] for a weight " + weight
                    + ", got " + bias);
        }
        return y;
    }

    /**
     * Checks the operands of {@link TensorBackend#lstmCell} on {@code backend} (its own tensors, of one dtype it
     * supports): {@code gates [n, 4h]} and {@code cell [n, h]}. Returns the cell state's shape {@code [n, h]}.
     */
    public static Shape lstmCell(TensorBackend backend, Tensor gates, Tensor cell) {
        operands(backend, "lstmCell", gates, cell);
        return lstmCellState("lstmCell", gates.shape(), cell.shape());
    }

    /**
     * Checks the operands of {@link TensorBackend#lstmCell(Tensor, Tensor, Tensor)}: both gates {@code [n, 4h]} and
     * {@code cell [n, h]}, of {@code backend} and one dtype it supports. Returns the cell state's shape {@code [n, h]}.
     */
    public static Shape lstmCell(TensorBackend backend, Tensor inputGates, Tensor hiddenGates, Tensor cell) {
        operands(backend, "lstmCell", inputGates, hiddenGates, cell);
        sameShapes("lstmCell", inputGates.shape(), hiddenGates.shape());
        return lstmCellState("lstmCell", inputGates.shape(), cell.shape());
    }

    /** The cell state's shape {@code [n, h]} of {@code gates [n, 4h]} and {@code cell [n, h]}, checked for {@code op}. */
    private static Shape lstmCellState(String op, Shape gates, Shape cell) {
        if (gates.rank() != 2 || cell.rank() != 2 || gates.dim(0) != cell.dim(0) || gates.dim(1) != 4 * cell.dim(1)) {
            throw new ShapeMismatchException(op + ": the gates must be [n, 4h] for a cell state [n, h], got " + gates + " and " + cell);
        }
        return cell;
    }

    /**
     * Checks the operands of {@link TensorBackend#lstmCellBackward} on {@code backend} (its own tensors, of one dtype it
     * supports): {@code activations [n, 4h]}, and {@code cell}, {@code newCell}, {@code gradHidden} and
     * {@code gradNewCell} all {@code [n, h]}. Returns the cell state's shape {@code [n, h]}.
     */
    public static Shape lstmCellBackward(TensorBackend backend, Tensor activations, Tensor cell, Tensor newCell,
            Tensor gradHidden, Tensor gradNewCell) {
        operands(backend, "lstmCellBackward", activations, cell, newCell, gradHidden, gradNewCell);
        Shape state = lstmCellState("lstmCellBackward", activations.shape(), cell.shape());
        sameShapes("lstmCellBackward", cell.shape(), newCell.shape(), gradHidden.shape(), gradNewCell.shape());
        return state;
    }

    /** Result shape of {@link TensorBackend#conv2d}. */
    public static Shape conv2d(Shape x, Shape w, Conv2dParams p) {
        requireRank4("conv2d", x, w);
        if (x.dim(1) != w.dim(1)) {
            throw new ShapeMismatchException("conv2d: input " + x + " has " + x.dim(1) + " channels but weight "
                    + w + " expects " + w.dim(1));
        }
        int oh = convOut(x.dim(2), w.dim(2), p.strideH(), p.padH());
        int ow = convOut(x.dim(3), w.dim(3), p.strideW(), p.padW());
        if (oh < 1 || ow < 1) {
            throw new ShapeMismatchException("conv2d: kernel " + w + " does not fit input " + x + " with " + p);
        }
        return Shape.of(x.dim(0), w.dim(0), oh, ow);
    }

    /** Checks the operands of {@link TensorBackend#conv2dInputGrad} and returns {@code inputShape}. */
    public static Shape conv2dInputGrad(Shape gradOut, Shape w, Shape inputShape, Conv2dParams p) {
        return gradientOfConv("conv2dInputGrad", gradOut, inputShape, w, p, inputShape);
    }

    /** Checks the operands of {@link TensorBackend#conv2dWeightGrad} and returns {@code weightShape}. */
    public static Shape conv2dWeightGrad(Shape x, Shape gradOut, Shape weightShape, Conv2dParams p) {
        return gradientOfConv("conv2dWeightGrad", gradOut, x, weightShape, p, weightShape);
    }

    /** Checks that {@code gradOut} is the output shape of the convolution of {@code x} and {@code w}. */
    private static Shape gradientOfConv(String op, Shape gradOut, Shape x, Shape w, Conv2dParams p, Shape result) {
        Shape expected = conv2d(x, w, p);
        if (!expected.equals(gradOut)) {
            throw new ShapeMismatchException(op + ": gradient " + gradOut + " does not match the output " + expected
                    + " of input " + x + " and weight " + w);
        }
        return result;
    }

    /** Result shape of {@link TensorBackend#conv2dTranspose}. */
    public static Shape conv2dTranspose(Shape x, Shape w, Conv2dParams p, int outPadH, int outPadW) {
        requireRank4("conv2dTranspose", x, w);
        if (x.dim(1) != w.dim(0)) {
            throw new ShapeMismatchException("conv2dTranspose: input " + x + " has " + x.dim(1)
                    + " channels but weight " + w + " expects " + w.dim(0));
        }
        if (outPadH < 0 || outPadW < 0 || outPadH >= p.strideH() || outPadW >= p.strideW()) {
            throw new InvalidArgumentException("conv2dTranspose: output padding (" + outPadH + ", " + outPadW
                    + ") must be non-negative and smaller than the stride (" + p.strideH() + ", " + p.strideW() + ")");
        }
        int oh = (x.dim(2) - 1) * p.strideH() - 2 * p.padH() + w.dim(2) + outPadH;
        int ow = (x.dim(3) - 1) * p.strideW() - 2 * p.padW() + w.dim(3) + outPadW;
        if (oh < 1 || ow < 1) {
            throw new ShapeMismatchException("conv2dTranspose: padding of " + p + " leaves no output for input " + x
                    + " and weight " + w);
        }
        return Shape.of(x.dim(0), w.dim(1), oh, ow);
    }

    private static int convOut(int in, int k, int stride, int pad) {
        int span = in + 2 * pad - k;
        return span < 0 ? 0 : span / stride + 1;
    }

    private static void requireRank4(String op, Shape x, Shape w) {
        if (x.rank() != 4 || w.rank() != 4) {
            throw new ShapeMismatchException(op + ": input and weight must be rank 4 (NCHW), got " + x + " and " + w);
        }
    }

    /** Checks that a buffer with {@code remaining} floats left has room for the elements of {@code shape}. */
    public static void room(int remaining, Shape shape) {
        if (remaining < shape.size()) {
            throw new ShapeMismatchException("a buffer with room for " + remaining + " elements cannot hold shape "
                    + shape + " (" + shape.size() + " elements)");
        }
    }

    /** Checks that {@code data} has as many elements as {@code shape}. */
    public static void dataLength(int length, Shape shape) {
        if (length != shape.size()) {
            throw new ShapeMismatchException("data of " + length + " elements does not fill shape " + shape + " ("
                    + shape.size() + " elements)");
        }
    }
}
