package dev.autoencoder.backend.pure.kernel;

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
    public void multiply(float[][] c, int mr, int nc, float[][] a, int kc, float[][] b) {
        int unrolled = kc & ~3;
        for (int p = 0; p < unrolled; p += 4) {
            float[] b0 = b[p];
            float[] b1 = b[p + 1];
            float[] b2 = b[p + 2];
            float[] b3 = b[p + 3];
            for (int r = 0; r < mr; r++) {
                float[] cr = c[r];
                float[] ar = a[r];
                float a0 = ar[p];
                float a1 = ar[p + 1];
                float a2 = ar[p + 2];
                float a3 = ar[p + 3];
                for (int j = 0; j < nc; j++) {
                    cr[j] += a0 * b0[j] + a1 * b1[j] + a2 * b2[j] + a3 * b3[j];
                }
            }
        }
        for (int p = unrolled; p < kc; p++) {
            float[] bp = b[p];
            for (int r = 0; r < mr; r++) {
                float[] cr = c[r];
                float ap = a[r][p];
                for (int j = 0; j < nc; j++) {
                    cr[j] += ap * bp[j];
                }
            }
        }
    }
}
