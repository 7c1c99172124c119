package dev.autoencoder.backend.pure.kernel;

import static dev.autoencoder.backend.pure.kernel.KernelTestSupport.abs;
import static dev.autoencoder.backend.pure.kernel.KernelTestSupport.assertClose;
import static dev.autoencoder.backend.pure.kernel.KernelTestSupport.dot;
import static dev.autoencoder.backend.pure.kernel.KernelTestSupport.randomFloats;
import static dev.autoencoder.backend.pure.kernel.KernelTestSupport.toDouble;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link Conv2d}: the F64 reference against hand-computed PyTorch results and the adjoint identity,
 * the F32 path against the reference on many odd geometries, and determinism.
 */
class Conv2dTest {

    @Test
    void geometryFollowsPyTorchAndRejectsImpossibleSizes() {
        ConvGeometry g = new ConvGeometry(1, 1, 5, 8, 1, 3, 2, 2, 3, 1, 0);
        assertEquals(3, g.oh()); // floor((5 + 2 - 3) / 2) + 1
        assertEquals(3, g.ow()); // floor((8 + 0 - 2) / 3) + 1
        assertThrows(IllegalArgumentException.class, () -> new ConvGeometry(1, 1, 2, 2, 1, 3, 3, 1, 1, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new ConvGeometry(1, 1, 4, 4, 1, 3, 3, 0, 1, 0, 0));
    }

    @Test
    void forwardMatchesHandComputedExamples() {
        double[] x = {1, 2, 3, 4, 5, 6, 7, 8, 9}; // 1x1x3x3
        double[] w = {1, 2, 3, 4};                // 1x1x2x2
        try (Parallel parallel = new Parallel(1)) {
            Conv2d conv = new Conv2d(parallel, new Gemm(parallel), float[]::new);
            ConvGeometry plain = new ConvGeometry(1, 1, 3, 3, 1, 2, 2, 1, 1, 0, 0);
            assertArrayEquals(new double[] {37, 47, 67, 77}, conv.forward(x, w, plain));
            // stride 2, padding 1: y[oy,ox] = sum x[2oy-1+i, 2ox-1+j] w[i,j]
            ConvGeometry padded = new ConvGeometry(1, 1, 3, 3, 1, 2, 2, 2, 2, 1, 1);
            assertArrayEquals(new double[] {4, 18, 36, 77}, conv.forward(x, w, padded));
            float[] y32 = conv.forward(new float[] {1, 2, 3, 4, 5, 6, 7, 8, 9}, new float[] {1, 2, 3, 4}, padded);
            assertArrayEquals(new float[] {4, 18, 36, 77}, y32);
        }
    }

    @Test
    void inputGradIsPyTorchConvTranspose2dWithOutputPadding() {
        // conv_transpose2d(x=[[1,2],[3,4]], weight=ones(1,1,3,3), stride=2, padding=1, output_padding=1) -> 4x4
        double[] x = {1, 2, 3, 4};
        double[] ones = {1, 1, 1, 1, 1, 1, 1, 1, 1};
        double[] expected = {
            1, 3, 2, 2,
            4, 10, 6, 6,
            3, 7, 4, 4,
            3, 7, 4, 4};
        ConvGeometry g = new ConvGeometry(1, 1, 4, 4, 1, 3, 3, 2, 2, 1, 1);
        assertEquals(2, g.oh());
        try (Parallel parallel = new Parallel(2)) {
            Conv2d conv = new Conv2d(parallel, new Gemm(parallel), float[]::new);
            assertArrayEquals(expected, conv.inputGrad(x, ones, g));
            float[] dx = conv.inputGrad(new float[] {1, 2, 3, 4}, new float[] {1, 1, 1, 1, 1, 1, 1, 1, 1}, g);
            assertArrayEquals(toFloat(expected), dx);
        }
    }

    @Test
    void positionsNeverReadGetZeroGradient() {
        // kernel 1, stride 3 on 7x8: only rows 0,3,6 and columns 0,3,6 are read
        ConvGeometry g = new ConvGeometry(2, 2, 7, 8, 3, 1, 1, 3, 3, 0, 0);
        Random random = new Random(5);
        float[] gy = randomFloats(random, g.n() * g.o() * g.oh() * g.ow());
        float[] w = randomFloats(random, g.o() * g.c());
        try (Parallel parallel = new Parallel(2)) {
            Conv2d conv = new Conv2d(parallel, new Gemm(parallel), float[]::new);
            float[] dx32 = conv.inputGrad(gy, w, g);
            double[] dx64 = conv.inputGrad(toDouble(gy), toDouble(w), g);
            for (int i = 0; i < dx32.length; i++) {
                int row = i / g.w() % g.h();
                int col = i % g.w();
                if (row % 3 != 0 || col % 3 != 0) {
                    assertEquals(0f, dx32[i], "F32 at " + i);
                    assertEquals(0.0, dx64[i], "F64 at " + i);
                }
            }
        }
    }

    @Test
    void f64PassesSatisfyTheAdjointIdentity() {
        Random random = new Random(6);
        try (Parallel parallel = new Parallel(1)) {
            Conv2d conv = new Conv2d(parallel, new Gemm(parallel), float[]::new);
            for (ConvGeometry g : geometries()) {
                double[] x = toDouble(randomFloats(random, g.n() * g.c() * g.h() * g.w()));
                double[] w = toDouble(randomFloats(random, g.o() * g.c() * g.kh() * g.kw()));
                double[] gy = toDouble(randomFloats(random, g.n() * g.o() * g.oh() * g.ow()));
                double viaForward = dot(conv.forward(x, w, g), gy);
                double viaInput = dot(x, conv.inputGrad(gy, w, g));
                double viaWeight = dot(w, conv.weightGrad(x, gy, g));
                double scale = dot(abs(conv.forward(abs(x), abs(w), g)), abs(gy));
                assertEquals(viaForward, viaInput, 1e-10 * scale, g::toString);
                assertEquals(viaForward, viaWeight, 1e-10 * scale, g::toString);
            }
        }
    }

    @ParameterizedTest(name = "threads={0}")
    @ValueSource(ints = {1, 2})
    void f32MatchesF64ReferenceOnOddGeometries(int threads) {
        Random random = new Random(7);
        try (Parallel parallel = new Parallel(threads)) {
            Conv2d conv = new Conv2d(parallel, new Gemm(parallel), float[]::new);
            for (ConvGeometry g : geometries()) {
                checkAgainstReference(conv, random, g);
            }
            // large enough to cross the matrix product's panel sizes (depth 288, widths of several images)
            checkAgainstReference(conv, random, new ConvGeometry(4, 32, 16, 16, 8, 3, 3, 1, 1, 1, 1));
            checkAgainstReference(conv, random, new ConvGeometry(3, 64, 8, 8, 128, 3, 3, 2, 2, 1, 1));
            // stride 1 with fewer outputs than inputs runs as the dual convolution (W2's last layer)
            checkAgainstReference(conv, random, new ConvGeometry(3, 32, 32, 32, 1, 3, 3, 1, 1, 1, 1));
            // a transposed convolution with output padding, as the adjoint of this geometry (W2's decoder)
            checkAgainstReference(conv, random, new ConvGeometry(3, 64, 16, 16, 128, 3, 3, 2, 2, 1, 1));
        }
    }

    @Test
    void f32IsBitIdenticalRunToRunWithTwoThreads() {
        ConvGeometry g = new ConvGeometry(9, 5, 13, 11, 6, 3, 2, 2, 1, 1, 2);
        Random random = new Random(8);
        float[] x = randomFloats(random, g.n() * g.c() * g.h() * g.w());
        float[] w = randomFloats(random, g.o() * g.c() * g.kh() * g.kw());
        float[] gy = randomFloats(random, g.n() * g.o() * g.oh() * g.ow());
        try (Parallel parallel = new Parallel(2)) {
            Conv2d conv = new Conv2d(parallel, new Gemm(parallel), float[]::new);
            assertArrayEquals(conv.forward(x, w, g), conv.forward(x, w, g));
            assertArrayEquals(conv.inputGrad(gy, w, g), conv.inputGrad(gy, w, g));
            assertArrayEquals(conv.weightGrad(x, gy, g), conv.weightGrad(x, gy, g));
        }
    }

    @Test
    void rejectsArraysThatDoNotMatchTheGeometry() {
        ConvGeometry g = new ConvGeometry(1, 1, 3, 3, 1, 2, 2, 1, 1, 0, 0);
        try (Parallel parallel = new Parallel(1)) {
            Conv2d conv = new Conv2d(parallel, new Gemm(parallel), float[]::new);
            assertThrows(IllegalArgumentException.class, () -> conv.forward(new float[8], new float[4], g));
            assertThrows(IllegalArgumentException.class, () -> conv.weightGrad(new double[9], new double[5], g));
        }
    }

    /** Strides 1 and 2, paddings 0-2, kernels 1x1, 3x3, 2x3, batch 1 and 3, 1-5 channels, uneven strides. */
    private static List<ConvGeometry> geometries() {
        int[][] kernels = {{1, 1}, {3, 3}, {2, 3}};
        int[][] inputs = {{5, 7}, {8, 6}};
        int[] channels = {1, 2, 5};
        List<ConvGeometry> result = new ArrayList<>();
        int variant = 0;
        for (int stride = 1; stride <= 2; stride++) {
            for (int pad = 0; pad <= 2; pad++) {
                for (int[] k : kernels) {
                    for (int batch : new int[] {1, 3}) {
                        for (int c : channels) {
                            int[] in = inputs[variant % 2];
                            int o = channels[variant % 3];
                            variant++;
                            result.add(new ConvGeometry(batch, c, in[0], in[1], o, k[0], k[1],
                                    stride, stride, pad, pad));
                        }
                    }
                }
            }
        }
        return result;
    }

    private static void checkAgainstReference(Conv2d conv, Random random, ConvGeometry g) {
        float[] x = randomFloats(random, g.n() * g.c() * g.h() * g.w());
        float[] w = randomFloats(random, g.o() * g.c() * g.kh() * g.kw());
        float[] gy = randomFloats(random, g.n() * g.o() * g.oh() * g.ow());
        double[] x64 = toDouble(x);
        double[] w64 = toDouble(w);
        double[] gy64 = toDouble(gy);
        assertClose(conv.forward(x, w, g), conv.forward(x64, w64, g),
                conv.forward(abs(x64), abs(w64), g), "forward " + g);
        assertClose(conv.inputGrad(gy, w, g), conv.inputGrad(gy64, w64, g),
                conv.inputGrad(abs(gy64), abs(w64), g), "inputGrad " + g);
        assertClose(conv.weightGrad(x, gy, g), conv.weightGrad(x64, gy64, g),
                conv.weightGrad(abs(x64), abs(gy64), g), "weightGrad " + g);
    }

    private static float[] toFloat(double[] values) {
        float[] result = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            result[i] = (float) values[i];
        }
        return result;
    }
}
