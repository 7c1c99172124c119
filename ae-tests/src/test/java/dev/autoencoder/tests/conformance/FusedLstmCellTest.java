package dev.autoencoder.tests.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autoencoder.api.DType;
import dev.autoencoder.api.LstmCellGradients;
import dev.autoencoder.api.LstmCellOutput;
import dev.autoencoder.api.Shape;
import dev.autoencoder.api.Tensor;
import dev.autoencoder.api.TensorBackend;
import dev.autoencoder.api.TensorScope;
import dev.autoencoder.api.random.Rng;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Each backend's LSTM cell and its backward compute what the composites of {@link LstmCellOutput#composed} and
 * {@link LstmCellGradients#composed} compute from the same backend's primitives: bit for bit on pure, whose fused cell
 * and elementwise kernels share their sigmoid and tanh and give a value the same rounding wherever it lies in a
 * tensor, so that a model trains to the same bits either way; within the conformance table's tolerance for the cell on
 * the native backends, whose F32 cells run ae's shared kernel ({@code OffHeapLstmCell}, with pure's sigmoid and tanh)
 * while their composites run the library's (and libtorch's vectorised sigmoid and tanh round a value in a vector's body
 * and in its scalar tail differently, by an ulp). A gate block read at the wrong offset or an in-place kernel that reads
 * what it already overwrote fails either way. The cell of input and hidden gates apart is the cell of their sum, to
 * the bit, on every backend. (The op conformance entries compare all of them with PyTorch.)
 */
class FusedLstmCellTest {
    /** The backends whose fused cell must be the composite to the bit. */
    private static final Set<String> BIT_EXACT = Set.of("pure");
    /** {@code {n, h}}: odd sizes that leave vector tails, W4's batches of 100 and 500, an empty batch. */
    private static final int[][] SIZES = {{3, 2}, {7, 5}, {2, 37}, {61, 64}, {100, 64}, {500, 64}, {0, 4}};

    @TestFactory
    Stream<DynamicTest> fusedCellAndBackwardAreTheCompositesBitForBit() {
        List<DynamicTest> tests = new ArrayList<>();
        ConformanceBackends.UNDER_TEST.forEach((name, b) -> {
            for (DType dtype : DType.values()) {
                if (!b.capabilities().supports(dtype)) {
                    continue;
                }
                for (int[] size : SIZES) {
                    tests.add(DynamicTest.dynamicTest(name + " " + dtype + " n " + size[0] + " h " + size[1],
                            () -> check(b, dtype, size[0], size[1])));
                }
            }
        });
        return tests.stream();
    }

    private static void check(TensorBackend b, DType dtype, int n, int h) {
        boolean exact = BIT_EXACT.contains(b.name());
        Tolerance forward = exact ? new Tolerance(0, 0)
                : ConformanceBackends.TABLE.tolerance(Check.FORWARD, "lstmCell", OpClass.COMPOSITE, b.name(), dtype);
        Tolerance backward = exact ? forward
                : ConformanceBackends.TABLE.tolerance(Check.GRADIENT, "lstmCellBackward", OpClass.COMPOSITE, b.name(), dtype);
        Rng rng = new Rng(n * 100L + h);
        try (TensorScope scope = b.newScope()) {
            Tensor gates = random(b, rng, 3, dtype, n, 4 * h);
            Tensor cell = random(b, rng, 2, dtype, n, h);
            LstmCellOutput expected = LstmCellOutput.composed(b, gates, cell);
            LstmCellOutput actual = b.lstmCell(gates, cell);
            assertClose(b, expected.hidden(), actual.hidden(), forward, "hidden");
            assertClose(b, expected.cell(), actual.cell(), forward, "cell");
            assertClose(b, expected.activations(), actual.activations(), forward, "activations");

            Tensor gradHidden = random(b, rng, 1, dtype, n, h);
            Tensor gradCell = random(b, rng, 1, dtype, n, h);
            LstmCellGradients want = LstmCellGradients.composed(b, expected.activations(), cell, expected.cell(), gradHidden,
                    gradCell);
            LstmCellGradients got = b.lstmCellBackward(actual.activations(), cell, actual.cell(), gradHidden, gradCell);
            assertClose(b, want.gates(), got.gates(), backward, "gates' gradient");
            assertClose(b, want.cell(), got.cell(), backward, "cell's gradient");

            // input and hidden gates apart: the sum is rounded as the backend's add rounds it, then the same cell
            Tensor hiddenGates = random(b, rng, 3, dtype, n, 4 * h);
            LstmCellOutput added = b.lstmCell(b.add(gates, hiddenGates), cell);
            LstmCellOutput summed = b.lstmCell(gates, hiddenGates, cell);
            Tolerance bits = new Tolerance(0, 0);
            assertClose(b, added.hidden(), summed.hidden(), bits, "hidden of the summed gates");
            assertClose(b, added.cell(), summed.cell(), bits, "cell of the summed gates");
            assertClose(b, added.activations(), summed.activations(), bits, "activations of the summed gates");
        }
    }

    private static Tensor random(TensorBackend b, Rng rng, double scale, DType dtype, int... dims) {
        Shape shape = Shape.of(dims);
        double[] values = new double[shape.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = scale * rng.nextGaussian();
        }
        return b.fromDoubles(values, shape, dtype);
    }

    /** Every element within {@code tolerance}; with a zero tolerance, the same bits (signed zeros included). */
    private static void assertClose(TensorBackend b, Tensor expected, Tensor actual, Tolerance tolerance, String what) {
        assertEquals(expected.shape(), actual.shape(), what);
        double[] e = b.toDoubles(expected);
        double[] a = b.toDoubles(actual);
        boolean exact = tolerance.rtol() == 0 && tolerance.atol() == 0;
        for (int i = 0; i < e.length; i++) {
            String message = what + " at " + i + ": " + e[i] + " against " + a[i] + " (" + tolerance + ")";
            if (exact) {
                assertEquals(Double.doubleToLongBits(e[i]), Double.doubleToLongBits(a[i]), message);
            } else {
                assertTrue(tolerance.accepts(a[i], e[i]), message);
            }
        }
    }
}
