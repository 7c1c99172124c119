package dev.autoencoder.backend.nd4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autoencoder.api.Conv2dParams;
import dev.autoencoder.api.DType;
import dev.autoencoder.api.Shape;
import dev.autoencoder.api.Tensor;
import dev.autoencoder.api.TensorScope;
import java.util.List;
import org.bytedeco.javacpp.Pointer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What the conformance suite does not reach: NaN and infinity semantics where libnd4j differs from the SPI, empty
 * tensors, the transposed convolution's output padding against hand-computed values, and scope misuse.
 */
class Nd4jBackendTest {
    private static final double NAN = Double.NaN;
    private static final double INF = Double.POSITIVE_INFINITY;

    private final Nd4jBackend b = new Nd4jBackend(2);

    private Tensor t(DType dtype, double... values) {
        return b.fromDoubles(values, Shape.of(values.length), dtype);
    }

    /** Small integers, so that every sum below is exact in F32 and any block summed twice or missed shows. */
    private static double[] integers(int n, int seed) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = (i * 7 + seed) % 11 - 5;
        }
        return v;
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void sumsSquaresAndBiasRowsOverSeveralBlasBlocksMatchPlainLoops(DType dtype) {
        int rows = 300;
        int columns = 50; // 15,000 elements: two blocks of DirectBlas's 8,192 each way
        double[] x = integers(rows * columns, 3);
        double[] columnSums = new double[columns];
        double[] rowSums = new double[rows];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < columns; j++) {
                columnSums[j] += x[i * columns + j];
                rowSums[i] += x[i * columns + j];
            }
        }
        double squares = 0;
        for (double v : x) {
            squares += v * v;
        }
        double[] bias = integers(columns, 1);
        double[] identity = new double[columns * columns];
        for (int j = 0; j < columns; j++) {
            identity[j * columns + j] = 1;
        }
        double[] biased = x.clone();
        for (int i = 0; i < biased.length; i++) {
            biased[i] += bias[i % columns];
        }
        try (TensorScope scope = b.newScope()) {
            Tensor m = b.fromDoubles(x, Shape.of(rows, columns), dtype);
            assertArrayEquals(columnSums, b.toDoubles(b.sum(m, false, 0)));
            assertArrayEquals(rowSums, b.toDoubles(b.sum(m, false, 1)));
            assertEquals(squares, b.toDoubles(b.sumOfSquares(m))[0]);
            assertArrayEquals(columnSums, b.toDoubles(b.sum(b.permute(b.permute(m, 1, 0), 1, 0), false, 0)), "a view");
            Tensor linear = b.linear(m, b.fromDoubles(identity, Shape.of(columns, columns), dtype),
                    b.fromDoubles(bias, Shape.of(columns), dtype));
            assertArrayEquals(biased, b.toDoubles(linear));
        }
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void maximumAndMinimumPropagateNaNFromEitherOperand(DType dtype) {
        Tensor a = t(dtype, NAN, 1, 2, -INF);
        Tensor c = t(dtype, 1, NAN, 3, 5);
        assertArrayEquals(new double[] {NAN, NAN, 3, 5}, b.toDoubles(b.maximum(a, c)));
        assertArrayEquals(new double[] {NAN, NAN, 3, 5}, b.toDoubles(b.maximum(c, a)));
        assertArrayEquals(new double[] {NAN, NAN, 2, -INF}, b.toDoubles(b.minimum(a, c)));
        assertArrayEquals(new double[] {NAN, NAN, 2, -INF}, b.toDoubles(b.minimum(c, a)));
    }

    @Test
    void maximumPropagatesNaNOfTheSmallerBroadcastOperand() {
        Tensor big = b.fromDoubles(new double[100], Shape.of(25, 4), DType.F32);
        Tensor row = t(DType.F32, 1, NAN, -1, 0);
        double[] max = b.toDoubles(b.maximum(row, big));
        for (int i = 0; i < max.length; i++) {
            assertEquals(i % 4 == 1 ? NAN : Math.max(0, i % 4 == 0 ? 1 : 0), max[i], "element " + i);
        }
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void maxReductionPropagatesNaN(DType dtype) {
        Tensor x = b.fromDoubles(new double[] {1, NAN, 3, 4, 5, 6}, Shape.of(2, 3), dtype);
        assertArrayEquals(new double[] {NAN, 6}, b.toDoubles(b.max(x, false, 1)));
        assertArrayEquals(new double[] {4, NAN, 6}, b.toDoubles(b.max(x, false, 0)));
        assertArrayEquals(new double[] {NAN}, b.toDoubles(b.reshape(b.max(x, false), Shape.of(1))));
        Tensor big = b.fromDoubles(new double[200], Shape.of(2, 100), dtype);
        assertArrayEquals(new double[] {0, 0}, b.toDoubles(b.max(big, false, 1)), "no NaN: no fix-up");
    }

    @Test
    void log1pIsAccurateForTinyArgumentsAndExactAtTheEdges() {
        double[] x = {1e-17, -1e-12, 1e-10, 0, -0.0, 1e-5, 0.5, 1e30, -1, -2, INF, -INF, NAN};
        double[] y = b.toDoubles(b.log1p(t(DType.F64, x)));
        for (int i = 0; i < x.length; i++) {
            double expected = Math.log1p(x[i]);
            if (expected == 0) {
                // zero exactly, with either sign: the SPI does not fix the sign of zero, and -0 becomes +0 here
                assertEquals(0.0, y[i], 0.0, "log1p(" + x[i] + ")");
            } else if (Double.isNaN(expected) || Double.isInfinite(expected)) {
                assertEquals(expected, y[i], "log1p(" + x[i] + ")");
            } else {
                assertEquals(expected, y[i], 2 * Math.ulp(expected), "log1p(" + x[i] + ")");
            }
        }
        float[] fx = {1e-9f, 3e-4f, -0.25f};
        float[] fy = b.toFloats(b.log1p(b.fromFloats(fx, Shape.of(3))));
        for (int i = 0; i < fx.length; i++) {
            float expected = (float) Math.log1p(fx[i]);
            assertEquals(expected, fy[i], 2 * Math.ulp(expected), "F32 log1p(" + fx[i] + ")");
        }
    }

    @Test
    void emptyTensorsFlowThroughEveryKindOfOperation() {
        Tensor e = b.zeros(Shape.of(2, 0), DType.F32);
        assertEquals(Shape.of(2, 0), b.add(e, b.scalar(1, DType.F32)).shape());
        assertEquals(Shape.of(2, 0), b.exp(e).shape());
        assertEquals(Shape.of(0, 2), b.permute(e, 1, 0).shape());
        assertEquals(Shape.of(0), b.reshape(e, Shape.of(0)).shape());
        assertEquals(0, b.toFloats(b.fromFloats(new float[0], Shape.of(2, 0))).length);
        assertEquals(0, b.toDoubles(b.fromDoubles(new double[0], Shape.of(0, 3))).length);
        assertArrayEquals(new double[] {0, 0}, b.toDoubles(b.sum(e, false, 1)));
        assertTrue(Double.isNaN(b.toDoubles(b.mean(e, false))[0]));
        assertArrayEquals(new double[] {0, 0, 0, 0}, b.toDoubles(b.matmul(e, b.zeros(Shape.of(0, 2), DType.F32), false, false)));
        assertArrayEquals(new double[] {7, 7}, b.toDoubles(b.pad(e, new int[] {0, 0}, new int[] {0, 1}, 7)));
        Tensor row = t(DType.F32, 1, 2);
        assertArrayEquals(new double[] {1, 2}, b.toDoubles(b.concat(List.of(b.zeros(Shape.of(0), DType.F32), row), 0)));
        assertEquals(0, b.toFloats(b.slice(row, 0, 1, 1)).length);
        Tensor noImages = b.zeros(Shape.of(0, 1, 4, 4), DType.F32);
        Tensor w = b.full(Shape.of(2, 1, 3, 3), DType.F32, 1);
        Conv2dParams p = Conv2dParams.of(1, 1);
        assertEquals(Shape.of(0, 2, 4, 4), b.conv2d(noImages, w, p).shape());
        assertArrayEquals(new double[18], b.toDoubles(b.conv2dWeightGrad(noImages, b.zeros(Shape.of(0, 2, 4, 4), DType.F32),
                w.shape(), p)));
        assertEquals(Shape.of(0, 1, 4, 4), b.conv2dTranspose(b.zeros(Shape.of(0, 2, 4, 4), DType.F32),
                b.full(Shape.of(2, 1, 3, 3), DType.F32, 1), p, 0, 0).shape());
        Tensor kept;
        try (TensorScope scope = b.newScope()) {
            kept = scope.keep(b.exp(e));
        }
        assertEquals(Shape.of(2, 0), b.exp(kept).shape());
    }

    @Test
    void paddingAScalarLeavesIt() {
        assertArrayEquals(new double[] {3}, b.toDoubles(b.pad(b.scalar(3, DType.F64), new int[0], new int[0], 9)));
    }

    /**
     * One input pixel, stride 2, padding 1, output padding 1: PyTorch's output rows are rows 1 and 2 of the
     * uncropped 3x3 kernel image, so the output-padding row holds {@code x * w[2]}, not zeros.
     */
    @ParameterizedTest
    @EnumSource(DType.class)
    void transposedConvolutionOutputPaddingKeepsWhatPaddingCropped(DType dtype) {
        Tensor x = b.fromDoubles(new double[] {2}, Shape.of(1, 1, 1, 1), dtype);
        Tensor w = b.fromDoubles(new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9}, Shape.of(1, 1, 3, 3), dtype);
        Tensor y = b.conv2dTranspose(x, w, Conv2dParams.of(2, 1), 1, 1);
        assertEquals(Shape.of(1, 1, 2, 2), y.shape());
        assertArrayEquals(new double[] {10, 12, 16, 18}, b.toDoubles(y));
    }

    /** A convolution's bias gradient, over the first and the trailing axes, spans several BLAS blocks and is exact. */
    @ParameterizedTest
    @EnumSource(DType.class)
    void sumsOverTheFirstAndTrailingAxesMatchPlainLoops(DType dtype) {
        Shape shape = Shape.of(30, 5, 10, 10); // 15,000 elements, each pass over two blocks of 8,192
        double[] x = integers((int) shape.size(), 2);
        double[] channels = new double[5];
        double[] rowsOfPlanes = new double[5 * 10];
        for (int i = 0; i < x.length; i++) {
            channels[i / 100 % 5] += x[i];
            rowsOfPlanes[i / 10 % 50] += x[i];
        }
        try (TensorScope scope = b.newScope()) {
            Tensor t = b.fromDoubles(x, shape, dtype);
            assertArrayEquals(channels, b.toDoubles(b.sum(t, false, 0, 2, 3)), "over (0, 2, 3)");
            Tensor keptDims = b.sum(t, true, 0, 2, 3);
            assertEquals(Shape.of(1, 5, 1, 1), keptDims.shape());
            assertArrayEquals(channels, b.toDoubles(keptDims), "over (0, 2, 3), dims kept");
            assertArrayEquals(rowsOfPlanes, b.toDoubles(b.sum(t, false, 0, 3)), "over (0, 3)");
        }
    }

    /**
     * A batch whose columns exceed the budget runs as several {@code deconv2d} calls over consecutive images, the last
     * one shorter, with the uneven-stride path (an extra row and column) as well: integers keep every sum exact, so the
     * chunks must agree with one call to the bit.
     */
    @ParameterizedTest
    @EnumSource(DType.class)
    void transposedConvolutionsInChunksOfImagesMatchOneCall(DType dtype) {
        int side = 5;
        for (int outPad : new int[] {0, 1}) {
            Shape xShape = Shape.of(7, 3, side, side);
            Shape wShape = Shape.of(3, 2, 3, 3);
            Shape out = Shape.of(7, 2, 2 * side - 1 + outPad, 2 * side - 1 + outPad);
            Conv2dParams p = new Conv2dParams(2, 2, 1, 1);
            try (TensorScope scope = b.newScope()) {
                Tensor x = b.fromDoubles(integers((int) xShape.size(), 1), xShape, dtype);
                Tensor w = b.fromDoubles(integers((int) wShape.size(), 4), wShape, dtype);
                long twoImages = 2L * 2 * 3 * 3 * side * side * (dtype == DType.F64 ? 8 : 4);
                INDArray xa = ((Nd4jTensor) x).array();
                INDArray wa = ((Nd4jTensor) w).array();
                double[] whole = NdArrays.doubles(new Convolutions(new Kernels()).inputGrad(xa, xShape, wa, wShape, out, p),
                        (int) out.size());
                double[] chunked = NdArrays.doubles(new Convolutions(new Kernels(), twoImages).inputGrad(xa, xShape, wa,
                        wShape, out, p), (int) out.size());
                assertArrayEquals(whole, chunked, "output padding " + outPad);
                assertArrayEquals(whole, b.toDoubles(b.conv2dTranspose(x, w, p, outPad, outPad)),
                        "output padding " + outPad + ", the backend");
            }
        }
    }

    @Test
    void usingATensorAfterItsScopeClosedOrItWasReleasedFails() {
        Tensor inScope;
        try (TensorScope scope = b.newScope()) {
            inScope = b.full(Shape.of(3), DType.F32, 1);
        }
        assertThrows(IllegalStateException.class, () -> b.exp(inScope));
        Tensor parameter = b.full(Shape.of(3), DType.F32, 1);
        b.release(parameter);
        assertThrows(IllegalStateException.class, () -> b.toFloats(parameter));
    }

    @Test
    void keptTensorsReuseReleasedArraysWithoutSharingData() {
        Tensor old = b.full(Shape.of(4, 4), DType.F32, 1);
        Tensor updated;
        try (TensorScope scope = b.newScope()) {
            updated = scope.keep(b.add(old, b.scalar(1, DType.F32)));
        }
        b.release(old);
        Tensor next;
        try (TensorScope scope = b.newScope()) {
            next = scope.keep(b.add(updated, b.scalar(1, DType.F32)));
        }
        assertArrayEquals(new float[] {2, 2}, java.util.Arrays.copyOf(b.toFloats(updated), 2));
        assertArrayEquals(new float[] {3, 3}, java.util.Arrays.copyOf(b.toFloats(next), 2));
    }

    @Test
    void keepFromAnInnerScopeLandsInTheOuterOneAndScopesCloseInnermostFirst() {
        try (TensorScope outer = b.newScope()) {
            Tensor kept;
            TensorScope inner = b.newScope();
            kept = inner.keep(b.full(Shape.of(2), DType.F64, 4));
            assertThrows(IllegalStateException.class, outer::close);
            inner.close();
            inner.close();
            assertArrayEquals(new double[] {4, 4}, b.toDoubles(b.sqrt(b.mul(kept, kept))));
        }
    }

    @Test
    void discoveryModuleIsAvailableWithoutLoadingAnythingAndNamesTheBackend() {
        Nd4jBackendModule module = new Nd4jBackendModule();
        assertTrue(module.isAvailable(), module.unavailableReason());
        assertEquals("nd4j", module.backendName());
        assertEquals(20, module.priority());
        assertTrue(b.version().startsWith("1.0.0-M2.1 "), b.version());
        assertEquals(2, b.capabilities().threads());
    }

    @Test
    void javaCppDoesNotReadTheResidentSizeOnEveryAllocation() {
        // the tests set no limit of their own, so the backend's setting is the one in force
        assertEquals(0, Pointer.maxPhysicalBytes());
        assertTrue(Pointer.maxBytes() > 0, "JavaCPP's limit on the bytes it tracks stays");
    }
}
