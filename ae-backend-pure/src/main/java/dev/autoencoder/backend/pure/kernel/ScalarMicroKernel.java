package dev.autoencoder.backend.pure.kernel;

import java.util.Arrays;

/**
 * The micro-kernel in plain Java, which C2 vectorises over columns: four depths at a time, so that each row of C
 * is loaded and stored once per four products (then the remaining 0-3 depths one at a time). Memory-bound on the
 * row of C: about 45 GFLOP/s per core here.
 */
final class ScalarMicroKernel implements MicroKernel {
    @Override
    public String name() {
        return "scalar";
    }

    @Override
    public void multiply(float[] c, int cOff, int ldc, int mr, int nc, float[][] a, int kc, float[] b, int ldb,
                         boolean accumulate) {
        if (!accumulate) {
            for (int r = 0; r < mr; r++) {
                Arrays.fill(c, cOff + r * ldc, cOff + r * ldc + nc, 0f);
            }
        }
        int unrolled = kc & ~3;
        for (int p = 0; p < unrolled; p += 4) {
            int b0 = p * ldb;
            int b1 = b0 + ldb;
            int b2 = b1 + ldb;
            int b3 = b2 + ldb;
            for (int r = 0; r < mr; r++) {
                int cr = cOff + r * ldc;
                float[] ar = a[r];
                float a0 = ar[p];
                float a1 = ar[p + 1];
                float a2 = ar[p + 2];
                float a3 = ar[p + 3];
                for (int j = 0; j < nc; j++) {
                    c[cr + j] += a0 * b[b0 + j] + a1 * b[b1 + j] + a2 * b[b2 + j] + a3 * b[b3 + j];
                }
            }
        }
        for (int p = unrolled; p < kc; p++) {
            int bp = p * ldb;
            for (int r = 0; r < mr; r++) {
                int cr = cOff + r * ldc;
                float ap = a[r][p];
                for (int j = 0; j < nc; j++) {
                    c[cr + j] += ap * b[bp + j];
                }
            }
        }
    }
}
