package dev.autoencoder.backend.pure.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The micro-kernel on the Java Vector API (incubating; the JVM needs {@code --add-modules jdk.incubator.vector}):
 * a tile of four rows by four (or two, or one) vectors of C stays in registers while the depth loop broadcasts A and
 * streams the packed rows of B, one fused multiply-add per element and depth. Columns beyond the last whole vector, and rows
 * beyond the last group of four, take narrower paths with the same arithmetic ({@link Math#fma} in order of depth).
 * Only {@link MicroKernels} names this class, so that without the module it is never loaded.
 */
final class VectorMicroKernel implements MicroKernel {
    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    private static final int LANES = SPECIES.length();

    @Override
    public String name() {
        return "Vector API, " + SPECIES.vectorBitSize() + "-bit";
    }

    @Override
    public void multiply(float[] c, int cOff, int ldc, int mr, int nc, float[][] a, int kc, float[] b, int ldb,
                         boolean accumulate) {
        int r = 0;
        for (; r + 4 <= mr; r += 4) {
            fourRows(c, cOff + r * ldc, ldc, r, nc, a, kc, b, ldb, accumulate);
        }
        for (; r < mr; r++) {
            oneRow(c, cOff + r * ldc, 0, nc, a[r], kc, b, ldb, accumulate);
        }
    }

    /** C's old values at {@code c[i]} onwards, or zero. */
    private static FloatVector start(float[] c, int i, boolean accumulate) {
        return accumulate ? FloatVector.fromArray(SPECIES, c, i) : FloatVector.zero(SPECIES);
    }

    private static void fourRows(float[] c, int c0, int ldc, int r, int nc, float[][] a, int kc, float[] b, int ldb,
                                 boolean accumulate) {
        int c1 = c0 + ldc;
        int c2 = c1 + ldc;
        int c3 = c2 + ldc;
        float[] a0 = a[r];
        float[] a1 = a[r + 1];
        float[] a2 = a[r + 2];
        float[] a3 = a[r + 3];
        int j = fourRowsWide(c, c0, c1, c2, c3, a0, a1, a2, a3, nc, kc, b, ldb, accumulate);
        for (; j + 2 * LANES <= nc; j += 2 * LANES) {
            int k = j + LANES;
            FloatVector x00 = start(c, c0 + j, accumulate);
            FloatVector x01 = start(c, c0 + k, accumulate);
            FloatVector x10 = start(c, c1 + j, accumulate);
            FloatVector x11 = start(c, c1 + k, accumulate);
            FloatVector x20 = start(c, c2 + j, accumulate);
            FloatVector x21 = start(c, c2 + k, accumulate);
            FloatVector x30 = start(c, c3 + j, accumulate);
            FloatVector x31 = start(c, c3 + k, accumulate);
            for (int p = 0, bp = j; p < kc; p++, bp += ldb) {
                FloatVector b0 = FloatVector.fromArray(SPECIES, b, bp);
                FloatVector b1 = FloatVector.fromArray(SPECIES, b, bp + LANES);
                FloatVector s = FloatVector.broadcast(SPECIES, a0[p]);
                x00 = b0.fma(s, x00);
                x01 = b1.fma(s, x01);
                s = FloatVector.broadcast(SPECIES, a1[p]);
                x10 = b0.fma(s, x10);
                x11 = b1.fma(s, x11);
                s = FloatVector.broadcast(SPECIES, a2[p]);
                x20 = b0.fma(s, x20);
                x21 = b1.fma(s, x21);
                s = FloatVector.broadcast(SPECIES, a3[p]);
                x30 = b0.fma(s, x30);
                x31 = b1.fma(s, x31);
            }
            x00.intoArray(c, c0 + j);
            x01.intoArray(c, c0 + k);
            x10.intoArray(c, c1 + j);
            x11.intoArray(c, c1 + k);
            x20.intoArray(c, c2 + j);
            x21.intoArray(c, c2 + k);
            x30.intoArray(c, c3 + j);
            x31.intoArray(c, c3 + k);
        }
        for (; j + LANES <= nc; j += LANES) {
            FloatVector x0 = start(c, c0 + j, accumulate);
            FloatVector x1 = start(c, c1 + j, accumulate);
            FloatVector x2 = start(c, c2 + j, accumulate);
            FloatVector x3 = start(c, c3 + j, accumulate);
            for (int p = 0, bp = j; p < kc; p++, bp += ldb) {
                FloatVector bv = FloatVector.fromArray(SPECIES, b, bp);
                x0 = bv.fma(FloatVector.broadcast(SPECIES, a0[p]), x0);
                x1 = bv.fma(FloatVector.broadcast(SPECIES, a1[p]), x1);
                x2 = bv.fma(FloatVector.broadcast(SPECIES, a2[p]), x2);
                x3 = bv.fma(FloatVector.broadcast(SPECIES, a3[p]), x3);
            }
            x0.intoArray(c, c0 + j);
            x1.intoArray(c, c1 + j);
            x2.intoArray(c, c2 + j);
            x3.intoArray(c, c3 + j);
        }
        for (int row = 0; row < 4; row++) {
            oneRow(c, c0 + row * ldc, j, nc, a[r + row], kc, b, ldb, accumulate);
        }
    }

    /**
     * Four rows by four vectors: sixteen accumulators, and four broadcasts of A for sixteen fused multiply-adds per
     * depth, so that the broadcasts do not crowd the multiply-adds off their ports. Returns the first column left.
     */
    private static int fourRowsWide(float[] c, int c0, int c1, int c2, int c3, float[] a0, float[] a1, float[] a2,
            float[] a3, int nc, int kc, float[] b, int ldb, boolean accumulate) {
        int j = 0;
        for (; j + 4 * LANES <= nc; j += 4 * LANES) {
            int j1 = j + LANES;
            int j2 = j + 2 * LANES;
            int j3 = j + 3 * LANES;
            FloatVector x00 = start(c, c0 + j, accumulate);
            FloatVector x01 = start(c, c0 + j1, accumulate);
            FloatVector x02 = start(c, c0 + j2, accumulate);
            FloatVector x03 = start(c, c0 + j3, accumulate);
            FloatVector x10 = start(c, c1 + j, accumulate);
            FloatVector x11 = start(c, c1 + j1, accumulate);
            FloatVector x12 = start(c, c1 + j2, accumulate);
            FloatVector x13 = start(c, c1 + j3, accumulate);
            FloatVector x20 = start(c, c2 + j, accumulate);
            FloatVector x21 = start(c, c2 + j1, accumulate);
            FloatVector x22 = start(c, c2 + j2, accumulate);
            FloatVector x23 = start(c, c2 + j3, accumulate);
            FloatVector x30 = start(c, c3 + j, accumulate);
            FloatVector x31 = start(c, c3 + j1, accumulate);
            FloatVector x32 = start(c, c3 + j2, accumulate);
            FloatVector x33 = start(c, c3 + j3, accumulate);
            for (int p = 0, bp = j; p < kc; p++, bp += ldb) {
                FloatVector b0 = FloatVector.fromArray(SPECIES, b, bp);
                FloatVector b1 = FloatVector.fromArray(SPECIES, b, bp + LANES);
                FloatVector b2 = FloatVector.fromArray(SPECIES, b, bp + 2 * LANES);
                FloatVector b3 = FloatVector.fromArray(SPECIES, b, bp + 3 * LANES);
                FloatVector s = FloatVector.broadcast(SPECIES, a0[p]);
                x00 = b0.fma(s, x00);
                x01 = b1.fma(s, x01);
                x02 = b2.fma(s, x02);
                x03 = b3.fma(s, x03);
                s = FloatVector.broadcast(SPECIES, a1[p]);
                x10 = b0.fma(s, x10);
                x11 = b1.fma(s, x11);
                x12 = b2.fma(s, x12);
                x13 = b3.fma(s, x13);
                s = FloatVector.broadcast(SPECIES, a2[p]);
                x20 = b0.fma(s, x20);
                x21 = b1.fma(s, x21);
                x22 = b2.fma(s, x22);
                x23 = b3.fma(s, x23);
                s = FloatVector.broadcast(SPECIES, a3[p]);
                x30 = b0.fma(s, x30);
                x31 = b1.fma(s, x31);
                x32 = b2.fma(s, x32);
                x33 = b3.fma(s, x33);
            }
            x00.intoArray(c, c0 + j);
            x01.intoArray(c, c0 + j1);
            x02.intoArray(c, c0 + j2);
            x03.intoArray(c, c0 + j3);
            x10.intoArray(c, c1 + j);
            x11.intoArray(c, c1 + j1);
            x12.intoArray(c, c1 + j2);
            x13.intoArray(c, c1 + j3);
            x20.intoArray(c, c2 + j);
            x21.intoArray(c, c2 + j1);
            x22.intoArray(c, c2 + j2);
            x23.intoArray(c, c2 + j3);
            x30.intoArray(c, c3 + j);
            x31.intoArray(c, c3 + j1);
            x32.intoArray(c, c3 + j2);
            x33.intoArray(c, c3 + j3);
        }
        return j;
    }

    /**
     * Columns {@code [from, nc)} of the row of C at {@code c[cr]}: four vectors at a time, so that four independent
     * sums hide the latency of a fused multiply-add (a single sum waits for each one), then single vectors, then single
     * elements.
     */
    private static void oneRow(float[] c, int cr, int from, int nc, float[] ar, int kc, float[] b, int ldb,
                               boolean accumulate) {
        int j = from;
        for (; j + 4 * LANES <= nc; j += 4 * LANES) {
            int j1 = j + LANES;
            int j2 = j + 2 * LANES;
            int j3 = j + 3 * LANES;
            FloatVector x0 = start(c, cr + j, accumulate);
            FloatVector x1 = start(c, cr + j1, accumulate);
            FloatVector x2 = start(c, cr + j2, accumulate);
            FloatVector x3 = start(c, cr + j3, accumulate);
            for (int p = 0, bp = j; p < kc; p++, bp += ldb) {
                FloatVector s = FloatVector.broadcast(SPECIES, ar[p]);
                x0 = FloatVector.fromArray(SPECIES, b, bp).fma(s, x0);
                x1 = FloatVector.fromArray(SPECIES, b, bp + LANES).fma(s, x1);
                x2 = FloatVector.fromArray(SPECIES, b, bp + 2 * LANES).fma(s, x2);
                x3 = FloatVector.fromArray(SPECIES, b, bp + 3 * LANES).fma(s, x3);
            }
            x0.intoArray(c, cr + j);
            x1.intoArray(c, cr + j1);
            x2.intoArray(c, cr + j2);
            x3.intoArray(c, cr + j3);
        }
        for (; j + LANES <= nc; j += LANES) {
            FloatVector x = start(c, cr + j, accumulate);
            for (int p = 0, bp = j; p < kc; p++, bp += ldb) {
                x = FloatVector.fromArray(SPECIES, b, bp).fma(FloatVector.broadcast(SPECIES, ar[p]), x);
            }
            x.intoArray(c, cr + j);
        }
        for (; j < nc; j++) {
            float x = accumulate ? c[cr + j] : 0f;
            for (int p = 0, bp = j; p < kc; p++, bp += ldb) {
                x = Math.fma(b[bp], ar[p], x);
            }
            c[cr + j] = x;
        }
    }
}
