package dev.autoencoder.backend.pure;

import dev.autoencoder.api.Shape;
import dev.autoencoder.api.kernel.ScalarMath;
import dev.autoencoder.backend.pure.kernel.Parallel;
import dev.autoencoder.backend.pure.kernel.ReluBackward;
import dev.autoencoder.backend.pure.kernel.Transcendentals;
import java.util.Arrays;

/**
 * Elementwise operations with NumPy broadcasting. Each operation is defined once per dtype as a scalar
 * function; the loops walk the output in row-major order with per-operand strides (0 on broadcast axes).
 */
final class Elementwise {
    /** The F32 loops of sigmoid, tanh and BCE: the Vector API's when the JVM has it. */
    static final Transcendentals TRANSCENDENTALS = Transcendentals.best();
    private static final ReluBackward RELU_BACKWARD = ReluBackward.best();

    private Elementwise() {
    }

    /** A scalar function of two arguments, in both precisions. */
    interface Binary {
        float f(float a, float b);

        double d(double a, double b);
    }

    /**
     * The unary operations. Each has its own F32 loop ({@link #row}), so that the scalar function is resolved once per
     * tensor, not per element: one loop shared by all operations makes that call megamorphic, and a profile showed
     * relu four times slower through it than inlined.
     */
    enum UnaryOp {
        NEG {
            @Override
            double d(double x) { return -x; }
            @Override
            void row(float[] x, float[] y, int from, int to) { for (int i = from; i < to; i++) { y[i] = -x[i]; } }
        },
        EXP {
            @Override
            double d(double x) { return Math.exp(x); }
            @Override
            void row(float[] x, float[] y, int from, int to) { for (int i = from; i < to; i++) { y[i] = (float) Math.exp(x[i]); } }
        },
        LOG {
            @Override
            double d(double x) { return Math.log(x); }
            @Override
            void row(float[] x, float[] y, int from, int to) { for (int i = from; i < to; i++) { y[i] = (float) Math.log(x[i]); } }
        },
        LOG1P {
            @Override
            double d(double x) { return Math.log1p(x); }
            @Override
            void row(float[] x, float[] y, int from, int to) { for (int i = from; i < to; i++) { y[i] = (float) Math.log1p(x[i]); } }
        },
        SQRT {
            @Override
            double d(double x) { return Math.sqrt(x); }
            @Override
            void row(float[] x, float[] y, int from, int to) { for (int i = from; i < to; i++) { y[i] = (float) Math.sqrt(x[i]); } }
        },
        ABS {
            @Override
            double d(double x) { return Math.abs(x); }
            @Override
            void row(float[] x, float[] y, int from, int to) { for (int i = from; i < to; i++) { y[i] = Math.abs(x[i]); } }
        },
        SIGN {
            @Override
            double d(double x) { return x > 0 ? 1 : x < 0 ? -1 : 0; }
            @Override
            void row(float[] x, float[] y, int from, int to) { for (int i = from; i < to; i++) { y[i] = x[i] > 0 ? 1f : x[i] < 0 ? -1f : 0f; } }
        },
        TANH {
            @Override
            double d(double x) { return Math.tanh(x); }
            @Override
            void row(float[] x, float[] y, int from, int to) { TRANSCENDENTALS.tanh(x, y, from, to); }
        },
        SIGMOID {
            @Override
            double d(double x) { return ScalarMath.sigmoid(x); }
            @Override
            void row(float[] x, float[] y, int from, int to) { TRANSCENDENTALS.sigmoid(x, y, from, to); }
        },
        RELU {
            @Override
            double d(double x) { return Math.max(x, 0.0); }
            @Override
            void row(float[] x, float[] y, int from, int to) { for (int i = from; i < to; i++) { y[i] = Math.max(x[i], 0f); } }
        };

        /** The function in F64. */
        abstract double d(double x);

        /** {@code y[i] = f(x[i])} for {@code from <= i < to} of an F32 array. */
        abstract void row(float[] x, float[] y, int from, int to);
    }

    enum BinaryOp implements Binary {
        ADD {
            public float f(float a, float b) { return a + b; }
            public double d(double a, double b) { return a + b; }
            @Override
            void row(float[] x, int xo, float[] y, int yo, float[] z, int zo, int len) {
                for (int k = 0; k < len; k++) { z[zo + k] = x[xo + k] + y[yo + k]; }
            }
        },
        SUB {
            public float f(float a, float b) { return a - b; }
            public double d(double a, double b) { return a - b; }
            @Override
            void row(float[] x, int xo, float[] y, int yo, float[] z, int zo, int len) {
                for (int k = 0; k < len; k++) { z[zo + k] = x[xo + k] - y[yo + k]; }
            }
        },
        MUL {
            public float f(float a, float b) { return a * b; }
            public double d(double a, double b) { return a * b; }
            @Override
            void row(float[] x, int xo, float[] y, int yo, float[] z, int zo, int len) {
                for (int k = 0; k < len; k++) { z[zo + k] = x[xo + k] * y[yo + k]; }
            }
        },
        DIV {
            public float f(float a, float b) { return a / b; }
            public double d(double a, double b) { return a / b; }
            @Override
            void row(float[] x, int xo, float[] y, int yo, float[] z, int zo, int len) {
                for (int k = 0; k < len; k++) { z[zo + k] = x[xo + k] / y[yo + k]; }
            }
        },
        MAXIMUM {
            public float f(float a, float b) { return Math.max(a, b); }
            public double d(double a, double b) { return Math.max(a, b); }
            @Override
            void row(float[] x, int xo, float[] y, int yo, float[] z, int zo, int len) {
                for (int k = 0; k < len; k++) { z[zo + k] = Math.max(x[xo + k], y[yo + k]); }
            }
        },
        MINIMUM {
            public float f(float a, float b) { return Math.min(a, b); }
            public double d(double a, double b) { return Math.min(a, b); }
            @Override
            void row(float[] x, int xo, float[] y, int yo, float[] z, int zo, int len) {
                for (int k = 0; k < len; k++) { z[zo + k] = Math.min(x[xo + k], y[yo + k]); }
            }
        },
        GREATER {
            public float f(float a, float b) { return a > b ? 1f : 0f; }
            public double d(double a, double b) { return a > b ? 1 : 0; }
            @Override
            void row(float[] x, int xo, float[] y, int yo, float[] z, int zo, int len) {
                for (int k = 0; k < len; k++) { z[zo + k] = x[xo + k] > y[yo + k] ? 1f : 0f; }
            }
        },
        GREATER_EQUAL { public float f(float a, float b) { return a >= b ? 1f : 0f; } public double d(double a, double b) { return a >= b ? 1 : 0; } },
        EQUAL { public float f(float a, float b) { return a == b ? 1f : 0f; } public double d(double a, double b) { return a == b ? 1 : 0; } };

        /**
         * {@code z[zo + k] = f(x[xo + k], y[yo + k])} for a contiguous F32 row. The hot operations override it with a
         * loop of their own, which the JIT inlines and vectorises; the rest use the scalar function.
         */
        void row(float[] x, int xo, float[] y, int yo, float[] z, int zo, int len) {
            for (int k = 0; k < len; k++) {
                z[zo + k] = f(x[xo + k], y[yo + k]);
            }
        }
    }

    /** Elements per thread below which an elementwise operation runs on the calling thread alone. */
    static final int MIN_CHUNK = 1 << 14;

    /** {@code op} of every element; large F32 tensors are split over {@code parallel}'s threads. */
    static Object unary(Arena arena, UnaryOp op, PureTensor t, Parallel parallel) {
        if (t.floats() != null) {
            float[] x = t.floats();
            float[] y = arena.floats(x.length);
            parallel.forRange(x.length, MIN_CHUNK, (from, to) -> op.row(x, y, from, to));
            return y;
        }
        double[] x = t.doubles();
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = op.d(x[i]);
        }
        return y;
    }

    /** {@code op} with broadcasting; large F32 results are split over {@code parallel}'s threads by rows of the walk. */
    static Object binary(Arena arena, BinaryOp op, PureTensor a, PureTensor b, Shape out, Parallel parallel) {
        Walk walk = new Walk(out, a.shape(), b.shape());
        int n = out.size();
        if (a.floats() != null) {
            float[] x = a.floats();
            float[] y = b.floats();
            float[] z = arena.floats(n);
            int rowLength = walk.rowLength();
            parallel.forRange(walk.rows(), Math.max(1, MIN_CHUNK / Math.max(1, rowLength)), (r0, r1) -> {
                // rows of a broadcast operand's repeated value, allocated when a run first needs one
                float[][] rows = new float[2][];
                walk.run(r0, r1, (o, ia, sa, ib, sb, len) -> {
                    float[] xs = sa == 1 ? x : fill(rows, 0, rowLength, x[ia], len);
                    float[] ys = sb == 1 ? y : fill(rows, 1, rowLength, y[ib], len);
                    op.row(xs, sa == 1 ? ia : 0, ys, sb == 1 ? ib : 0, z, o, len);
                });
            });
            return z;
        }
        double[] x = a.doubles();
        double[] y = b.doubles();
        double[] z = new double[n];
        walk.run(0, walk.rows(), (o, ia, sa, ib, sb, len) -> {
            for (int k = 0; k < len; k++, ia += sa, ib += sb) {
                z[o + k] = op.d(x[ia], y[ib]);
            }
        });
        return z;
    }

    /** {@code g} where {@code y > 0}, else 0, for operands of one shape: ReLU's backward from its output; F32 split over threads. */
    static Object reluBackward(Arena arena, PureTensor y, PureTensor g, Parallel parallel) {
        if (y.floats() != null) {
            float[] ys = y.floats();
            float[] gs = g.floats();
            float[] z = arena.floats(ys.length);
            parallel.forRange(z.length, MIN_CHUNK, (from, to) -> RELU_BACKWARD.apply(ys, gs, z, from, to));
            return z;
        }
        double[] ys = y.doubles();
        double[] gs = g.doubles();
        double[] z = new double[ys.length];
        for (int i = 0; i < z.length; i++) {
            z[i] = ys[i] > 0 ? gs[i] : 0;
        }
        return z;
    }

    /**
     * {@code max(z, 0) + log1p(exp(-|z|)) - t z} for operands of one shape in one pass: F32 through
     * {@link Transcendentals} split over threads, F64 with the composite's operations
     * ({@link dev.autoencoder.api.TensorBackend#bceWithLogits}'s default).
     */
    static Object bceWithLogits(Arena arena, PureTensor z, PureTensor t, Parallel parallel) {
        if (z.floats() != null) {
            float[] zs = z.floats();
            float[] ts = t.floats();
            float[] y = arena.floats(zs.length);
            parallel.forRange(y.length, MIN_CHUNK, (from, to) -> TRANSCENDENTALS.bceWithLogits(zs, ts, y, from, to));
            return y;
        }
        double[] zs = z.doubles();
        double[] ts = t.doubles();
        double[] y = new double[zs.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = Math.max(zs[i], 0) + Math.log1p(Math.exp(-Math.abs(zs[i]))) - ts[i] * zs[i];
        }
        return y;
    }

    /** {@code rows[i]} (of {@code rowLength}, allocated on first use) starting with {@code len} copies of {@code v}. */
    private static float[] fill(float[][] rows, int i, int rowLength, float v, int len) {
        if (rows[i] == null) {
            rows[i] = new float[rowLength];
        }
        Arrays.fill(rows[i], 0, len, v);
        return rows[i];
    }

    /** {@code cond != 0 ? a : b} with broadcasting of all three. */
    static Object where(Arena arena, PureTensor cond, PureTensor a, PureTensor b, Shape out) {
        int n = out.size();
        int[] ic = Strides.broadcastIndex(cond.shape(), out);
        int[] ia = Strides.broadcastIndex(a.shape(), out);
        int[] ib = Strides.broadcastIndex(b.shape(), out);
        if (a.floats() != null) {
            float[] z = arena.floats(n);
            for (int i = 0; i < n; i++) {
                z[i] = cond.get(ic[i]) != 0 ? a.floats()[ia[i]] : b.floats()[ib[i]];
            }
            return z;
        }
        double[] z = new double[n];
        for (int i = 0; i < n; i++) {
            z[i] = cond.get(ic[i]) != 0 ? a.doubles()[ia[i]] : b.doubles()[ib[i]];
        }
        return z;
    }

    /** A run of {@code len} output elements starting at {@code o}, reading a and b with the given steps. */
    @FunctionalInterface
    interface Run {
        void apply(int o, int ia, int sa, int ib, int sb, int len);
    }

    /**
     * Walks an output shape row by row, tracking where each broadcast operand is read. Adjacent axes that both
     * operands read contiguously (or both broadcast) are merged first, so same-shape and scalar operations are one
     * long row, and a bias over {@code [n, c, h, w]} is rows of {@code h * w}. Within a row each operand's step is 0
     * or 1.
     */
    static final class Walk {
        private final int[] dims;
        private final int[] aStrides;
        private final int[] bStrides;

        Walk(Shape out, Shape a, Shape b) {
            int[] d = out.dims();
            int[] sa = Strides.broadcastStrides(a, out);
            int[] sb = Strides.broadcastStrides(b, out);
            int rank = 0;
            for (int i = 0; i < d.length; i++) {
                if (d[i] == 1 && d.length > 1) {
                    continue;
                }
                if (rank > 0 && sa[rank - 1] == sa[i] * d[i] && sb[rank - 1] == sb[i] * d[i]) {
                    d[rank - 1] *= d[i];
                    sa[rank - 1] = sa[i];
                    sb[rank - 1] = sb[i];
                } else {
                    d[rank] = d[i];
                    sa[rank] = sa[i];
                    sb[rank] = sb[i];
                    rank++;
                }
            }
            this.dims = Arrays.copyOf(d, rank);
            this.aStrides = Arrays.copyOf(sa, rank);
            this.bStrides = Arrays.copyOf(sb, rank);
        }

        int rowLength() {
            return dims.length == 0 ? 1 : dims[dims.length - 1];
        }

        /** Rows of {@link #rowLength()} elements (1 for a rank-0 output). */
        int rows() {
            int rows = 1;
            for (int i = 0; i < dims.length - 1; i++) {
                rows *= dims[i];
            }
            return rows;
        }

        /** Walks rows {@code [rowStart, rowEnd)}. */
        void run(int rowStart, int rowEnd, Run body) {
            int rank = dims.length;
            if (rank == 0) {
                body.apply(0, 0, 0, 0, 0, 1);
                return;
            }
            int last = dims[rank - 1];
            if (last == 0) {
                return;
            }
            int[] idx = new int[rank];
            int ia = 0;
            int ib = 0;
            for (int d = rank - 2, rest = rowStart; d >= 0; d--) {
                idx[d] = rest % dims[d];
                rest /= dims[d];
                ia += idx[d] * aStrides[d];
                ib += idx[d] * bStrides[d];
            }
            for (int r = rowStart; r < rowEnd; r++) {
                body.apply(r * last, ia, aStrides[rank - 1], ib, bStrides[rank - 1], last);
                for (int d = rank - 2; d >= 0; d--) {
                    idx[d]++;
                    ia += aStrides[d];
                    ib += bStrides[d];
                    if (idx[d] < dims[d]) {
                        break;
                    }
                    ia -= aStrides[d] * dims[d];
                    ib -= bStrides[d] * dims[d];
                    idx[d] = 0;
                }
            }
        }
    }
}
