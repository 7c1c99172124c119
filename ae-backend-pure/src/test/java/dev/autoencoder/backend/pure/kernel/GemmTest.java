package dev.autoencoder.backend.pure.kernel;

import static dev.autoencoder.backend.pure.kernel.KernelTestSupport.abs;
import static dev.autoencoder.backend.pure.kernel.KernelTestSupport.assertClose;
import static dev.autoencoder.backend.pure.kernel.KernelTestSupport.randomFloats;
import static dev.autoencoder.backend.pure.kernel.KernelTestSupport.toDouble;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link Gemm}: the F64 reference against hand-computed products, the F32 path against the reference. */
class GemmTest {

    private static final int[] SIZES = {1, 3, 17, 64, 129};
    private static final int A_OFF = 3;
    private static final int B_OFF = 5;
    private static final int C_OFF = 7;
    private static final int TAIL = 4;

    /** The scalar kernel, and the Vector API kernel when this JVM has the module (the build's tests do). */
    private static List<MicroKernel> kernels() {
        MicroKernel best = MicroKernels.best();
        return best instanceof ScalarMicroKernel ? List.of(best) : List.of(MicroKernels.scalar(), best);
    }

    @Test
    void theVectorKernelIsChosenExactlyWhenTheModuleIsPresent() {
        boolean module = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
        assertEquals(module, MicroKernels.best() instanceof VectorMicroKernel, MicroKernels.best().name());
    }

    @Test
    void dgemmComputesHandCheckedProductsInAllTransposeCombinations() {
        // A = [[1,2,3],[4,5,6]] (2x3), B = [[7,8],[9,10],[11,12]] (3x2): A x B = [[58,64],[139,154]]
        double[] a = {1, 2, 3, 4, 5, 6};
        double[] aT = {1, 4, 2, 5, 3, 6};
        double[] b = {7, 8, 9, 10, 11, 12};
        double[] bT = {7, 9, 11, 8, 10, 12};
        double[] expected = {58, 64, 139, 154};
        try (Parallel parallel = new Parallel(1)) {
            Gemm gemm = new Gemm(parallel);
            for (int t = 0; t < 4; t++) {
                boolean ta = (t & 1) != 0;
                boolean tb = (t & 2) != 0;
                double[] c = {-1, -1, -1, -1};
                gemm.dgemm(ta, tb, 2, 2, 3, ta ? aT : a, 0, tb ? bT : b, 0, c, 0, false);
                assertArrayEquals(expected, c, "transposeA=" + ta + " transposeB=" + tb);
                gemm.dgemm(ta, tb, 2, 2, 3, ta ? aT : a, 0, tb ? bT : b, 0, c, 0, true);
                assertArrayEquals(new double[] {116, 128, 278, 308}, c, "accumulate");
            }
        }
    }

    @ParameterizedTest(name = "threads={0}")
    @ValueSource(ints = {1, 2})
    void sgemmMatchesReferenceOnOddShapes(int threads) {
        Random random = new Random(11);
        try (Parallel parallel = new Parallel(threads)) {
            for (MicroKernel kernel : kernels()) {
                Gemm gemm = new Gemm(parallel, kernel);
                for (int m : SIZES) {
                    for (int n : SIZES) {
                        for (int k : SIZES) {
                            for (int t = 0; t < 8; t++) {
                                checkAgainstReference(gemm, random, (t & 1) != 0, (t & 2) != 0, m, n, k, (t & 4) != 0);
                            }
                        }
                    }
                }
            }
        }
    }

    @ParameterizedTest(name = "threads={0}")
    @ValueSource(ints = {1, 2})
    void sgemmMatchesReferenceAcrossPanelBoundaries(int threads) {
        // sizes beyond the 256-deep, 512-wide panels, in both orientations (n >= m and n < m)
        int[][] shapes = {{37, 1030, 530}, {1030, 37, 530}, {5, 9, 1000}, {600, 600, 257}};
        Random random = new Random(12);
        try (Parallel parallel = new Parallel(threads)) {
            for (MicroKernel kernel : kernels()) {
                Gemm gemm = new Gemm(parallel, kernel);
                for (int[] s : shapes) {
                    for (int t = 0; t < 4; t++) {
                        checkAgainstReference(gemm, random, (t & 1) != 0, (t & 2) != 0, s[0], s[1], s[2], t == 3);
                    }
                }
            }
        }
    }

    @Test
    void sgemmIsBitIdenticalRunToRunAndAcrossThreadCounts() {
        int m = 300;
        int n = 700;
        int k = 520;
        Random random = new Random(13);
        float[] a = randomFloats(random, m * k);
        float[] b = randomFloats(random, k * n);
        try (Parallel one = new Parallel(1); Parallel two = new Parallel(2)) {
            for (MicroKernel kernel : kernels()) {
                for (int t = 0; t < 4; t++) {
                    boolean ta = (t & 1) != 0;
                    boolean tb = (t & 2) != 0;
                    float[] first = new float[m * n];
                    float[] second = new float[m * n];
                    float[] single = new float[m * n];
                    new Gemm(two, kernel).sgemm(ta, tb, m, n, k, a, 0, b, 0, first, 0, false);
                    new Gemm(two, kernel).sgemm(ta, tb, m, n, k, a, 0, b, 0, second, 0, false);
                    new Gemm(one, kernel).sgemm(ta, tb, m, n, k, a, 0, b, 0, single, 0, false);
                    assertArrayEquals(first, second, kernel.name() + ": 2 threads, run to run");
                    assertArrayEquals(first, single, kernel.name() + ": 2 threads vs 1 thread");
                }
            }
        }
    }

    @Test
    void emptyDepthZeroesOrKeepsC() {
        try (Parallel parallel = new Parallel(2)) {
            Gemm gemm = new Gemm(parallel);
            float[] c = {5, 5, 5, 5, 5, 5, 9};
            gemm.sgemm(false, false, 2, 3, 0, new float[0], 0, new float[0], 0, c, 0, true);
            assertArrayEquals(new float[] {5, 5, 5, 5, 5, 5, 9}, c);
            gemm.sgemm(false, false, 2, 3, 0, new float[0], 0, new float[0], 0, c, 0, false);
            assertArrayEquals(new float[] {0, 0, 0, 0, 0, 0, 9}, c);
            double[] d = {5, 5, 9};
            gemm.dgemm(true, true, 1, 2, 0, new double[0], 0, new double[0], 0, d, 0, false);
            assertArrayEquals(new double[] {0, 0, 9}, d);
        }
    }

    @Test
    void rejectsRegionsOutsideTheArrays() {
        try (Parallel parallel = new Parallel(1)) {
            Gemm gemm = new Gemm(parallel);
            assertThrows(IndexOutOfBoundsException.class,
                    () -> gemm.sgemm(false, false, 2, 2, 2, new float[4], 1, new float[4], 0, new float[4], 0, false));
            assertThrows(IllegalArgumentException.class,
                    () -> gemm.dgemm(false, false, -1, 2, 2, new double[4], 0, new double[4], 0, new double[4], 0,
                            false));
        }
    }

    /**
     * Runs sgemm on arrays with leading offsets and trailing guard elements and compares with dgemm
     * on the same values; the guards and the leading elements of C must be untouched.
     */
    private static void checkAgainstReference(Gemm gemm, Random random, boolean ta, boolean tb,
                                              int m, int n, int k, boolean accumulate) {
        float[] a = randomFloats(random, A_OFF + m * k + TAIL);
        float[] b = randomFloats(random, B_OFF + k * n + TAIL);
        float[] c = randomFloats(random, C_OFF + m * n + TAIL);
        float[] original = c.clone();
        gemm.sgemm(ta, tb, m, n, k, a, A_OFF, b, B_OFF, c, C_OFF, accumulate);

        double[] expected = toDouble(original);
        gemm.dgemm(ta, tb, m, n, k, toDouble(a), A_OFF, toDouble(b), B_OFF, expected, C_OFF, accumulate);
        double[] scale = abs(toDouble(original));
        gemm.dgemm(ta, tb, m, n, k, abs(toDouble(a)), A_OFF, abs(toDouble(b)), B_OFF, scale, C_OFF, accumulate);

        String what = String.format("m=%d n=%d k=%d transposeA=%b transposeB=%b accumulate=%b",
                m, n, k, ta, tb, accumulate);
        assertClose(Arrays.copyOfRange(c, C_OFF, C_OFF + m * n), Arrays.copyOfRange(expected, C_OFF, C_OFF + m * n),
                Arrays.copyOfRange(scale, C_OFF, C_OFF + m * n), what);
        assertArrayEquals(Arrays.copyOfRange(original, 0, C_OFF), Arrays.copyOfRange(c, 0, C_OFF), what + " (head)");
        assertArrayEquals(Arrays.copyOfRange(original, C_OFF + m * n, c.length),
                Arrays.copyOfRange(c, C_OFF + m * n, c.length), what + " (tail)");
    }
}
