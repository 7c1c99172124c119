package dev.autoencoder.backend.nd4j;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.autoencoder.api.DType;
import dev.autoencoder.api.LstmCellGradients;
import dev.autoencoder.api.LstmCellOutput;
import dev.autoencoder.api.Shape;
import dev.autoencoder.api.Tensor;
import dev.autoencoder.api.TensorScope;
import dev.autoencoder.api.random.Rng;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The LSTM cell on views of the gate blocks computes, bit for bit, what the composites of {@link LstmCellOutput#composed}
 * and {@link LstmCellGradients#composed} compute from this backend's primitives on copied blocks: a block read or written
 * at the wrong offset or stride, or an in-place kernel that reads what it already overwrote, shows here. (The conformance
 * suite compares both with PyTorch.)
 */
class LstmCellsTest {
    private final Nd4jBackend b = new Nd4jBackend(2);

    @ParameterizedTest(name = "{0}, n {1}, h {2}")
    @CsvSource({"F32, 3, 2", "F32, 7, 5", "F32, 100, 64", "F32, 500, 64", "F32, 2, 37", "F64, 3, 2", "F64, 9, 17", "F32, 0, 4"})
    void cellAndBackwardOnViewsAreTheCompositesBitForBit(DType dtype, int n, int h) {
        Rng rng = new Rng(n * 100L + h);
        try (TensorScope scope = b.newScope()) {
            Tensor gates = random(rng, 3, dtype, n, 4 * h);
            Tensor cell = random(rng, 2, dtype, n, h);
            LstmCellOutput expected = LstmCellOutput.composed(b, gates, cell);
            LstmCellOutput actual = b.lstmCell(gates, cell);
            assertBits(expected.hidden(), actual.hidden(), "hidden");
            assertBits(expected.cell(), actual.cell(), "cell");
            assertBits(expected.activations(), actual.activations(), "activations");

            Tensor gradHidden = random(rng, 1, dtype, n, h);
            Tensor gradCell = random(rng, 1, dtype, n, h);
            LstmCellGradients want = LstmCellGradients.composed(b, expected.activations(), cell, expected.cell(), gradHidden,
                    gradCell);
            LstmCellGradients got = b.lstmCellBackward(actual.activations(), cell, actual.cell(), gradHidden, gradCell);
            assertBits(want.gates(), got.gates(), "gates' gradient");
            assertBits(want.cell(), got.cell(), "cell's gradient");
        }
    }

    private Tensor random(Rng rng, double scale, DType dtype, int... dims) {
        Shape shape = Shape.of(dims);
        double[] values = new double[shape.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = scale * rng.nextGaussian();
        }
        return b.fromDoubles(values, shape, dtype);
    }

    private void assertBits(Tensor expected, Tensor actual, String what) {
        assertEquals(expected.shape(), actual.shape(), what);
        double[] e = b.toDoubles(expected);
        double[] a = b.toDoubles(actual);
        for (int i = 0; i < e.length; i++) {
            assertEquals(Double.doubleToLongBits(e[i]), Double.doubleToLongBits(a[i]), what + " at " + i + ": " + e[i] + " against " + a[i]);
        }
    }
}
