package dev.autoencoder.backend.pure.kernel;

import java.util.Arrays;
import java.util.Objects;

/**
 * Matrix products {@code C = op(A) x op(B)} (plus the old {@code C} if {@code accumulate}).
 *
 * <p>{@code op(A)} is {@code m x k}, {@code op(B)} is {@code k x n} and {@code C} is {@code m x n}
 * with row stride {@code n}. Without transpose {@code A} is stored {@code m x k} (row stride
 * {@code k}); with {@code transposeA} it is stored {@code k x m} (row stride {@code m}). Likewise
 * {@code B} is stored {@code k x n}, or {@code n x k} when transposed. All arrays are row-major
 * and contiguous from the given offsets; nothing outside the {@code m x n} block of {@code C} is
 * written.
 *
 * <p>{@link #sgemm} is the fast path. It packs {@code KC x NC} panels of {@code op(B)} and
 * {@code MR} rows of {@code op(A)} into separate row arrays (transposes are handled while packing)
 * and hands them to a {@link MicroKernel}, which reads and writes the rows of {@code C} in place: the Vector API
 * kernel, which keeps a tile of {@code C} in registers, when the JVM has {@code jdk.incubator.vector}, else the
 * scalar kernel that C2 auto-vectorises (see {@link MicroKernels}). A narrow result with more rows is computed as
 * {@code C^T = op(B)^T op(A)^T}, so that the longer dimension is the vectorised one (its rows, columns of C, go
 * through a buffer). Rows are split over the {@link Parallel}
 * threads in contiguous chunks, or columns when there are few rows; each element of {@code C} is
 * computed by the same sequence of float operations whatever the chunking, so results do not
 * depend on the thread count.
 *
 * <p>{@link #dgemm} is the plain-loop reference used as the oracle and for gradient checks.
 */
public final class Gemm {

    /** Largest depth of a packed panel of op(B); the depth is split into equal blocks up to this. */
    private static final int KC = 256;
    /** Largest width of a packed panel of op(B); wide rows let C2's vectorised main loop dominate. */
    private static final int NC = 512;
    /** Rows of op(A) packed for one call of the micro-kernel, against a panel of op(B) hot in cache. */
    private static final int MR = 8;
    /** Rough number of flops below which a chunk of rows is not worth a thread. */
    private static final long MIN_CHUNK_FLOPS = 1L << 20;
    /**
     * Below this many rows the threads split the columns instead: each then packs only its share of op(B), where a
     * split of the rows would have every thread pack all of it for a few rows (a batch of 100 times a weight).
     */
    private static final int COLUMN_SPLIT_ROWS = 256;
    /** Columns per unit of a column split: whole vectors of the widest micro-kernel, twice. */
    private static final int COLUMN_GROUP = 32;
    /**
     * Results at least this wide are computed as they are stored; narrower ones with more rows are computed transposed,
     * so that the vectorised dimension is the long one. (Computing a wide result transposed would store it a column at a
     * time, a cache line per element.)
     */
    private static final int MIN_VECTORISED_WIDTH = 64;
    /**
     * Floats between the ends of two rows of a packed panel of op(B): a cache line, so that rows a power of two apart
     * do not fall into the same few sets of the L1 cache.
     */
    private static final int PANEL_PAD = 16;
    /** Each thread's packing buffers, allocated once at their largest: a product allocates nothing. */
    private static final ThreadLocal<Buffers> BUFFERS = ThreadLocal.withInitial(Buffers::new);

    private final Parallel parallel;
    private final MicroKernel kernel;

    /** Creates the kernels, with the best micro-kernel; {@link #sgemm} splits its rows over {@code parallel}'s threads. */
    public Gemm(Parallel parallel) {
        this(parallel, MicroKernels.best());
    }

    /** Creates the kernels with the given micro-kernel. */
    Gemm(Parallel parallel, MicroKernel kernel) {
        this.parallel = Objects.requireNonNull(parallel, "parallel");
        this.kernel = kernel;
    }

    /** The micro-kernel's name, {@code scalar} or {@code Vector API, <bits>-bit}. */
    public String kernelName() {
        return kernel.name();
    }

    /** F32 product, blocked, vectorisable and multi-threaded; see the class comment for layouts. */
    public void sgemm(boolean transposeA, boolean transposeB, int m, int n, int k,
                      float[] a, int aOff, float[] b, int bOff, float[] c, int cOff, boolean accumulate) {
        sgemm(transposeA, transposeB, m, n, k, a, aOff, b, bOff, c, cOff, accumulate, true);
    }

    /**
     * Same as {@link #sgemm} but entirely on the calling thread: for kernels that already run
     * inside a {@link Parallel} chunk and must not fork again.
     */
    void sgemmSerial(boolean transposeA, boolean transposeB, int m, int n, int k,
                     float[] a, int aOff, float[] b, int bOff, float[] c, int cOff, boolean accumulate) {
        sgemm(transposeA, transposeB, m, n, k, a, aOff, b, bOff, c, cOff, accumulate, false);
    }

    private void sgemm(boolean transposeA, boolean transposeB, int m, int n, int k,
                       float[] a, int aOff, float[] b, int bOff, float[] c, int cOff, boolean accumulate,
                       boolean fork) {
        checkBounds(m, n, k, a.length, aOff, b.length, bOff, c.length, cOff);
        if (m == 0 || n == 0) {
            return;
        }
        if (k == 0) {
            if (!accumulate) {
                Arrays.fill(c, cOff, cOff + m * n, 0f);
            }
            return;
        }
        SgemmPlan plan = n >= m || n >= MIN_VECTORISED_WIDTH
                ? new SgemmPlan(kernel, transposeA, transposeB, m, n, k, a, aOff, b, bOff, c, cOff, n, 1, accumulate)
                : new SgemmPlan(kernel, !transposeB, !transposeA, n, m, k, b, bOff, a, aOff, c, cOff, 1, n, accumulate);
        if (!fork) {
            plan.compute(0, plan.m(), 0, plan.n());
        } else if (plan.m() < COLUMN_SPLIT_ROWS) {
            int groups = (plan.n() + COLUMN_GROUP - 1) / COLUMN_GROUP;
            int minGroups = (int) Math.max(1, MIN_CHUNK_FLOPS / (2L * plan.m() * k * COLUMN_GROUP));
            parallel.forRange(groups, minGroups, (g0, g1) ->
                    plan.compute(0, plan.m(), g0 * COLUMN_GROUP, Math.min(plan.n(), g1 * COLUMN_GROUP)));
        } else {
            int minRows = (int) Math.max(MR, MIN_CHUNK_FLOPS / (2L * plan.n() * k));
            parallel.forRange(plan.m(), minRows, (r0, r1) -> plan.compute(r0, r1, 0, plan.n()));
        }
    }

    /**
     * F64 reference product: one plain dot product per element of {@code C}, on the calling
     * thread; same layouts and semantics as {@link #sgemm}.
     */
    public void dgemm(boolean transposeA, boolean transposeB, int m, int n, int k,
                      double[] a, int aOff, double[] b, int bOff, double[] c, int cOff, boolean accumulate) {
        checkBounds(m, n, k, a.length, aOff, b.length, bOff, c.length, cOff);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double sum = 0;
                for (int p = 0; p < k; p++) {
                    double av = transposeA ? a[aOff + p * m + i] : a[aOff + i * k + p];
                    double bv = transposeB ? b[bOff + j * k + p] : b[bOff + p * n + j];
                    sum += av * bv;
                }
                int ci = cOff + i * n + j;
                c[ci] = accumulate ? c[ci] + sum : sum;
            }
        }
    }

    private static void checkBounds(int m, int n, int k, int aLength, int aOff, int bLength, int bOff,
                                    int cLength, int cOff) {
        if (m < 0 || n < 0 || k < 0) {
            throw new IllegalArgumentException("negative size m=" + m + ", n=" + n + ", k=" + k);
        }
        checkRegion("a", aLength, aOff, (long) m * k);
        checkRegion("b", bLength, bOff, (long) k * n);
        checkRegion("c", cLength, cOff, (long) m * n);
    }

    private static void checkRegion(String name, int length, int offset, long size) {
        if (offset < 0 || offset + size > length) {
            throw new IndexOutOfBoundsException(name + ": " + size + " elements from offset " + offset
                    + " do not fit in an array of " + length);
        }
    }

    /** Size of the equal blocks (rounded up) of {@code size} split into the fewest blocks of at most {@code limit}. */
    private static int blockSize(int size, int limit) {
        int blocks = (size + limit - 1) / limit;
        return (size + blocks - 1) / blocks;
    }

    /**
     * A thread's packed panel of op(B), rows of op(A) and, for a result computed transposed, rows of it (NC apart), at
     * the largest block sizes.
     */
    private static final class Buffers {
        final float[] bPanel = new float[KC * (NC + PANEL_PAD)];
        final float[][] aRows = new float[MR][KC];
        final float[] cRows = new float[MR * NC];
    }

    /** {@code size} rounded up to a multiple of {@code unit}: panels of whole vectors leave no scalar columns inside. */
    private static int roundUp(int size, int unit) {
        return (size + unit - 1) / unit * unit;
    }

    /**
     * One F32 product in the orientation whose {@code n} is the vectorised dimension (operand
     * layouts as in {@link Gemm}); element {@code (i, j)} of the result lives at
     * {@code c[cOff + i * cRowStride + j * cColStride]}.
     */
    private record SgemmPlan(MicroKernel kernel, boolean transposeA, boolean transposeB, int m, int n, int k,
                             float[] a, int aOff, float[] b, int bOff,
                             float[] c, int cOff, int cRowStride, int cColStride, boolean accumulate) {

        /** Computes the block of rows {@code [rowStart, rowEnd)} and columns {@code [colStart, colEnd)} of the result. */
        void compute(int rowStart, int rowEnd, int colStart, int colEnd) {
            int depth = blockSize(k, KC);
            int width = Math.min(NC, roundUp(blockSize(colEnd - colStart, NC), COLUMN_GROUP));
            Buffers buffers = BUFFERS.get();
            float[] bPanel = buffers.bPanel;
            float[][] aRows = buffers.aRows;
            float[] cRows = buffers.cRows;
            for (int jc = colStart; jc < colEnd; jc += width) {
                int nc = Math.min(width, colEnd - jc);
                for (int pc = 0; pc < k; pc += depth) {
                    int kc = Math.min(depth, k - pc);
                    packB(pc, kc, jc, nc, bPanel, width + PANEL_PAD);
                    boolean addToC = accumulate || pc > 0;
                    for (int i0 = rowStart; i0 < rowEnd; i0 += MR) {
                        int mr = Math.min(MR, rowEnd - i0);
                        packA(i0, mr, pc, kc, aRows);
                        if (cColStride == 1) {
                            kernel.multiply(c, cOff + i0 * cRowStride + jc, cRowStride, mr, nc, aRows, kc, bPanel,
                                    width + PANEL_PAD, addToC);
                        } else {
                            if (addToC) {
                                loadColumns(i0, mr, jc, nc, cRows);
                            }
                            kernel.multiply(cRows, 0, NC, mr, nc, aRows, kc, bPanel, width + PANEL_PAD, addToC);
                            storeColumns(i0, mr, jc, nc, cRows);
                        }
                    }
                }
            }
        }

        /** Copies op(B)[pc..pc+kc, jc..jc+nc] into {@code panel}, its rows {@code ld} apart. */
        private void packB(int pc, int kc, int jc, int nc, float[] panel, int ld) {
            if (transposeB) {
                // a row of B (a column of the panel) at a time: its reads are contiguous, and the kc lines of the panel
                // it writes (16 KB at most) stay in L1 while the next rows fill them (a row of the panel at a time read B
                // with a stride of k floats, which for k a multiple of 256 falls into a few sets of the L1 cache)
                for (int j = 0; j < nc; j++) {
                    int src = bOff + (jc + j) * k + pc;
                    for (int p = 0; p < kc; p++) {
                        panel[p * ld + j] = b[src + p];
                    }
                }
            } else {
                for (int p = 0; p < kc; p++) {
                    System.arraycopy(b, bOff + (pc + p) * n + jc, panel, p * ld, nc);
                }
            }
        }

        /** Copies op(A)[i0..i0+mr, pc..pc+kc] into the first rows of {@code rows}. */
        private void packA(int i0, int mr, int pc, int kc, float[][] rows) {
            if (transposeA) {
                for (int p = 0; p < kc; p++) {
                    int src = aOff + (pc + p) * m + i0;
                    for (int r = 0; r < mr; r++) {
                        rows[r][p] = a[src + r];
                    }
                }
            } else {
                for (int r = 0; r < mr; r++) {
                    System.arraycopy(a, aOff + (i0 + r) * k + pc, rows[r], 0, kc);
                }
            }
        }

        /** Copies rows {@code i0..i0+mr} of a result stored transposed, columns {@code jc..jc+nc}, into {@code rows}. */
        private void loadColumns(int i0, int mr, int jc, int nc, float[] rows) {
            for (int r = 0; r < mr; r++) {
                int base = cOff + (i0 + r) * cRowStride + jc * cColStride;
                for (int j = 0; j < nc; j++) {
                    rows[r * NC + j] = c[base + j * cColStride];
                }
            }
        }

        /** The inverse of {@link #loadColumns}. */
        private void storeColumns(int i0, int mr, int jc, int nc, float[] rows) {
            for (int r = 0; r < mr; r++) {
                int base = cOff + (i0 + r) * cRowStride + jc * cColStride;
                for (int j = 0; j < nc; j++) {
                    c[base + j * cColStride] = rows[r * NC + j];
                }
            }
        }
    }
}
