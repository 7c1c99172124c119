package dev.autoencoder.backend.pure;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autoencoder.api.Conv2dParams;
import dev.autoencoder.api.DType;
import dev.autoencoder.api.Shape;
import dev.autoencoder.api.Tensor;
import dev.autoencoder.api.random.Rng;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Known values of the pure backend's primitives, independent of the conformance oracle (which is this backend
 * in F64): hand-computed results, and PyTorch's convolution semantics written out as plain definitions.
 */
class PureBackendTest {
    private final PureBackend b = new PureBackend(2);

    private Tensor t(double[] v, int... dims) {
        return b.fromDoubles(v, Shape.of(dims));
    }

    private double[] d(Tensor x) {
        return b.toDoubles(x);
    }

    @Test
    void channelSumsSplitOverThreadsAreTheDoubleSumsWhateverTheThreadCount() {
        Shape shape = Shape.of(64, 8, 30, 30); // 460,800 elements: several chunks of planes on two threads
        float[] x = new float[shape.size()];
        Rng rng = new Rng(7);
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) rng.nextGaussian();
        }
        double[] expected = new double[8];
        for (int i = 0; i < x.length; i++) {
            expected[(i / 900) % 8] += x[i];
        }
        float[] twoThreads = b.toFloats(b.sum(b.fromFloats(x, shape), false, 0, 2, 3));
        PureBackend one = new PureBackend(1);
        assertArrayEquals(twoThreads, one.toFloats(one.sum(one.fromFloats(x, shape), false, 0, 2, 3)));
        for (int c = 0; c < 8; c++) {
            assertEquals((float) expected[c], twoThreads[c], Math.ulp((float) expected[c]), "channel " + c);
        }
    }

    @Test
    void binaryOperationsOfScalars() {
        Tensor two = b.scalar(2, DType.F32);
        assertArrayEquals(new double[] {6}, d(b.mul(two, b.scalar(3, DType.F32))));
        assertArrayEquals(new double[] {4, 6}, d(b.mul(two, b.fromFloats(new float[] {2, 3}, Shape.of(2)))));
    }

    @Test
    void elementwiseFunctions() {
        Tensor x = t(new double[] {-2, 0, 0.5, 3}, 4);
        assertArrayEquals(new double[] {0, 0, 0.5, 3}, d(b.relu(x)));
        assertArrayEquals(new double[] {-1, 0, 1, 1}, d(b.sign(x)));
        assertArrayEquals(new double[] {2, 0, 0.5, 3}, d(b.abs(x)));
        assertArrayEquals(new double[] {Math.log1p(-2), 0, Math.log1p(0.5), Math.log1p(3)}, d(b.log1p(x)));
        assertArrayEquals(new double[] {1 / (1 + Math.exp(2)), 0.5, 1 / (1 + Math.exp(-0.5)), 1 / (1 + Math.exp(-3))},
                d(b.sigmoid(x)), 1e-15);
        assertArrayEquals(new double[] {0, 1}, d(b.sigmoid(t(new double[] {-800, 800}, 2))), "no overflow");
        assertArrayEquals(new double[] {Math.tanh(-2), 0, Math.tanh(0.5), Math.tanh(3)}, d(b.tanh(x)));
    }

    @Test
    void broadcastingArithmeticAndComparisons() {
        Tensor m = t(new double[] {1, 2, 3, 4, 5, 6}, 2, 3);
        Tensor row = t(new double[] {10, 20, 30}, 3);
        Tensor col = t(new double[] {1, 2}, 2, 1);
        assertArrayEquals(new double[] {11, 22, 33, 14, 25, 36}, d(b.add(m, row)));
        assertArrayEquals(new double[] {0, 1, 2, 2, 3, 4}, d(b.sub(m, col)));
        assertArrayEquals(new double[] {1, 0}, d(b.equal(b.greater(col, t(new double[] {1.5}, 1)), t(new double[] {0}))));
        assertArrayEquals(new double[] {0, 1, 1, 0, 0, 1}, d(b.greaterEqual(m, t(new double[] {2, 2, 3, 5, 6, 6}, 2, 3))));
        Tensor cond = t(new double[] {1, 0, 1, 1, 0, 1}, 2, 3);
        assertArrayEquals(new double[] {10, 2, 30, 10, 5, 30}, d(b.where(cond, row, m)));
        assertArrayEquals(new double[] {30, 30, 30, 30, 30, 30}, d(b.maximum(m, t(new double[] {30}, 1))));
    }

    @Test
    void movement() {
        Tensor x = t(new double[] {0, 1, 2, 3, 4, 5}, 2, 3);
        assertArrayEquals(new double[] {0, 3, 1, 4, 2, 5}, d(b.permute(x, 1, 0)));
        assertArrayEquals(new double[] {1, 2, 4, 5}, d(b.slice(x, 1, 1, 3)));
        assertArrayEquals(new double[] {9, 9, 9, 9, 9, 0, 1, 2, 9, 3, 4, 5}, d(b.pad(x, new int[] {1, 1}, new int[] {0, 0}, 9)));
        assertArrayEquals(new double[] {0, 1, 2, 7, 3, 4, 5, 8}, d(b.concat(List.of(x, t(new double[] {7, 8}, 2, 1)), 1)));
        assertArrayEquals(new double[] {0, 1, 2, 0, 1, 2}, d(b.broadcastTo(t(new double[] {0, 1, 2}, 3), Shape.of(2, 3))));
        assertEquals(Shape.of(3, 2), b.reshape(x, Shape.of(3, 2)).shape());
    }

    @Test
    void reductions() {
        Tensor x = t(new double[] {1, 5, 3, 4, 2, 6}, 2, 3);
        assertArrayEquals(new double[] {21}, d(b.sum(x, false)));
        assertArrayEquals(new double[] {5, 7, 9}, d(b.sum(x, false, 0)));
        assertArrayEquals(new double[] {3, 4}, d(b.mean(x, false, 1)));
        assertEquals(Shape.of(2, 1), b.max(x, true, 1).shape());
        assertArrayEquals(new double[] {5, 6}, d(b.max(x, true, -1)));
        assertTrue(Double.isNaN(d(b.max(t(new double[] {1, Double.NaN, 3}, 3), false))[0]), "NaN propagates");
    }

    @Test
    void matmulWithTransposes() {
        Tensor a = t(new double[] {1, 2, 3, 4, 5, 6}, 2, 3);
        Tensor c = t(new double[] {1, 0, 0, 1, 1, 1}, 3, 2);
        assertArrayEquals(new double[] {4, 5, 10, 11}, d(b.matmul(a, c, false, false)));
        assertArrayEquals(new double[] {4, 5, 10, 11}, d(b.matmul(b.permute(a, 1, 0), c, true, false)));
        assertArrayEquals(new double[] {4, 5, 10, 11}, d(b.matmul(a, b.permute(c, 1, 0), false, true)));
    }

    /** PyTorch's conv2d, written as its definition. */
    private static double[] conv(double[] x, int n, int c, int h, int w, double[] k, int o, int kh, int kw, int s, int p) {
        int oh = (h + 2 * p - kh) / s + 1;
        int ow = (w + 2 * p - kw) / s + 1;
        double[] y = new double[n * o * oh * ow];
        for (int in = 0; in < n; in++) for (int io = 0; io < o; io++) for (int i = 0; i < oh; i++) for (int j = 0; j < ow; j++) {
            double acc = 0;
            for (int ic = 0; ic < c; ic++) for (int a = 0; a < kh; a++) for (int e = 0; e < kw; e++) {
                int r = i * s - p + a;
                int q = j * s - p + e;
                if (r >= 0 && r < h && q >= 0 && q < w) {
                    acc += x[((in * c + ic) * h + r) * w + q] * k[((io * c + ic) * kh + a) * kw + e];
                }
            }
            y[((in * o + io) * oh + i) * ow + j] = acc;
        }
        return y;
    }

    /** PyTorch's conv_transpose2d, written as its scatter definition (weight [c, o, kh, kw]). */
    private static double[] convTranspose(double[] x, int n, int c, int h, int w, double[] k, int o, int kh, int kw, int s,
            int p, int op) {
        int oh = (h - 1) * s - 2 * p + kh + op;
        int ow = (w - 1) * s - 2 * p + kw + op;
        double[] y = new double[n * o * oh * ow];
        for (int in = 0; in < n; in++) for (int ic = 0; ic < c; ic++) for (int i = 0; i < h; i++) for (int j = 0; j < w; j++)
            for (int io = 0; io < o; io++) for (int a = 0; a < kh; a++) for (int e = 0; e < kw; e++) {
                int r = i * s - p + a;
                int q = j * s - p + e;
                if (r >= 0 && r < oh && q >= 0 && q < ow) {
                    y[((in * o + io) * oh + r) * ow + q] += x[((in * c + ic) * h + i) * w + j] * k[((ic * o + io) * kh + a) * kw + e];
                }
            }
        return y;
    }

    @Test
    void convolutionMatchesItsDefinitionInBothDtypes() {
        Rng rng = new Rng(5);
        for (int[] sp : new int[][] {{1, 0}, {2, 1}, {2, 2}, {1, 1}}) {
            double[] x = rng.uniform(2 * 3 * 7 * 6, -1, 1);
            double[] k = rng.uniform(4 * 3 * 3 * 2, -1, 1);
            double[] expected = conv(x, 2, 3, 7, 6, k, 4, 3, 2, sp[0], sp[1]);
            for (DType dtype : DType.values()) {
                Tensor y = b.conv2d(b.fromDoubles(x, Shape.of(2, 3, 7, 6), dtype), b.fromDoubles(k, Shape.of(4, 3, 3, 2), dtype),
                        Conv2dParams.of(sp[0], sp[1]));
                assertArrayEquals(expected, d(y), dtype == DType.F64 ? 1e-12 : 1e-5, "stride/pad " + sp[0] + "/" + sp[1] + " " + dtype);
            }
        }
    }

    @Test
    void transposedConvolutionWithOutputPaddingMatchesItsDefinition() {
        Rng rng = new Rng(6);
        for (int[] spo : new int[][] {{2, 1, 1}, {2, 1, 0}, {1, 0, 0}, {3, 1, 2}, {2, 0, 1}}) {
            double[] x = rng.uniform(2 * 3 * 4 * 5, -1, 1);
            double[] k = rng.uniform(3 * 2 * 3 * 3, -1, 1);
            double[] expected = convTranspose(x, 2, 3, 4, 5, k, 2, 3, 3, spo[0], spo[1], spo[2]);
            for (DType dtype : DType.values()) {
                Tensor y = b.conv2dTranspose(b.fromDoubles(x, Shape.of(2, 3, 4, 5), dtype), b.fromDoubles(k, Shape.of(3, 2, 3, 3), dtype),
                        Conv2dParams.of(spo[0], spo[1]), spo[2], spo[2]);
                assertArrayEquals(expected, d(y), dtype == DType.F64 ? 1e-12 : 1e-5, "s/p/op " + spo[0] + spo[1] + spo[2] + " " + dtype);
            }
        }
    }
}
