package dev.autoencoder.backend.pure;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.autoencoder.api.DType;
import dev.autoencoder.api.LstmCellGradients;
import dev.autoencoder.api.LstmCellOutput;
import dev.autoencoder.api.Shape;
import dev.autoencoder.api.Tensor;
import dev.autoencoder.api.random.Rng;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The fused LSTM cell computes, bit for bit, what the composites of {@link LstmCellOutput#composed} and
 * {@link LstmCellGradients#composed} compute from this backend's primitives: the fusion changes no rounding, so a model
 * trains to the same bits either way. (The conformance suite compares both with PyTorch.)
 */
class LstmCellsTest {
    private final PureBackend fused = new PureBackend(2);

    @ParameterizedTest(name = "{0}, n {1}, h {2}")
    @CsvSource({"F32, 3, 2", "F32, 7, 5", "F32, 100, 64", "F32, 61, 64", "F32, 2, 37", "F64, 3, 2", "F64, 9, 17"})
    void fusedCellAndBackwardAreTheCompositesBitForBit(DType dtype, int n, int h) {
        Rng rng = new Rng(n * 100L + h);
        Tensor gates = random(rng, 3, dtype, n, 4 * h);
        Tensor cell = random(rng, 2, dtype, n, h);
        LstmCellOutput expected = LstmCellOutput.composed(fused, gates, cell);
        LstmCellOutput actual = fused.lstmCell(gates, cell);
        assertBits(expected.hidden(), actual.hidden(), "hidden");
        assertBits(expected.cell(), actual.cell(), "cell");
        assertBits(expected.activations(), actual.activations(), "activations");

        Tensor gradHidden = random(rng, 1, dtype, n, h);
        Tensor gradCell = random(rng, 1, dtype, n, h);
        LstmCellGradients want = LstmCellGradients.composed(fused, expected.activations(), cell, expected.cell(), gradHidden, gradCell);
        LstmCellGradients got = fused.lstmCellBackward(actual.activations(), cell, actual.cell(), gradHidden, gradCell);
        assertBits(want.gates(), got.gates(), "gates' gradient");
        assertBits(want.cell(), got.cell(), "cell's gradient");
    }

    private Tensor random(Rng rng, double scale, DType dtype, int... dims) {
        Shape shape = Shape.of(dims);
        double[] values = new double[shape.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = scale * rng.nextGaussian();
        }
        return fused.fromDoubles(values, shape, dtype);
    }

    private void assertBits(Tensor expected, Tensor actual, String what) {
        assertEquals(expected.shape(), actual.shape(), what);
        double[] e = fused.toDoubles(expected);
        double[] a = fused.toDoubles(actual);
        for (int i = 0; i < e.length; i++) {
            assertEquals(Double.doubleToLongBits(e[i]), Double.doubleToLongBits(a[i]), what + " at " + i + ": " + e[i] + " against " + a[i]);
        }
    }
}
