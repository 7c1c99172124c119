package dev.autoencoder.api.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link OffHeapLstmCell}: forward and backward agree with the cell's definition computed in F64, on widths that take
 * the Vector API loops (a multiple of the lanes) and widths that take the scalar ones; a split over threads gives the
 * bits of one thread; nothing past the {@code n} rows is written; a buffer too small is refused.
 */
class OffHeapLstmCellTest {
    /**
     * A few F32 roundings (6e-8 each) of terms up to 30 in magnitude, which may cancel: absolute below 1, relative above
     * (a wrong formula, block or row is off by far more).
     */
    private static final double TOLERANCE = 1e-5;
    private static final float SENTINEL = -7f;

    @Test
    void theVectorLoopsAreChosenExactlyWhenTheModuleIsPresent() {
        assertEquals(VectorKernels.available(), LstmRows.best() instanceof VectorLstmRows);
    }

    @ParameterizedTest
    @ValueSource(ints = {64, 5, 1})
    void forwardIsTheCellsDefinition(int h) {
        int n = 37;
        ByteBuffer gates = random(4 * n * h, 4, 1);
        ByteBuffer cell = random(n * h, 2, 2);
        ByteBuffer hidden = filled(n * h + 3);
        ByteBuffer newCell = filled(n * h + 3);
        ByteBuffer activations = filled(4 * n * h + 3);
        new OffHeapLstmCell(3).forward(n, h, gates, null, cell, hidden, newCell, activations);
        for (int r = 0; r < n; r++) {
            for (int j = 0; j < h; j++) {
                int gate = 4 * r * h + j;
                int unit = r * h + j;
                double i = sigmoid(get(gates, gate));
                double f = sigmoid(get(gates, gate + h));
                double g = Math.tanh(get(gates, gate + 2 * h));
                double o = sigmoid(get(gates, gate + 3 * h));
                double next = f * get(cell, unit) + i * g;
                assertClose(i, get(activations, gate), "i", r, j);
                assertClose(f, get(activations, gate + h), "f", r, j);
                assertClose(g, get(activations, gate + 2 * h), "g", r, j);
                assertClose(o, get(activations, gate + 3 * h), "o", r, j);
                assertClose(next, get(newCell, unit), "c'", r, j);
                assertClose(o * Math.tanh(next), get(hidden, unit), "h'", r, j);
            }
        }
        assertUntouchedFrom(hidden, n * h);
        assertUntouchedFrom(newCell, n * h);
        assertUntouchedFrom(activations, 4 * n * h);
    }

    @ParameterizedTest
    @ValueSource(ints = {64, 5})
    void backwardIsTheCellsDefinition(int h) {
        int n = 29;
        ByteBuffer activations = random(4 * n * h, 0.5, 3);
        for (int k = 0; k < 4 * n * h; k++) {
            activations.putFloat(4 * k, 0.5f + activations.getFloat(4 * k)); // in (0, 1), as sigmoid's and tanh's are
        }
        ByteBuffer cell = random(n * h, 2, 4);
        ByteBuffer newCell = random(n * h, 2, 5);
        ByteBuffer gradHidden = random(n * h, 1, 6);
        ByteBuffer gradNewCell = random(n * h, 1, 7);
        ByteBuffer gradGates = filled(4 * n * h + 3);
        ByteBuffer gradCell = filled(n * h + 3);
        new OffHeapLstmCell(2).backward(n, h, activations, cell, newCell, gradHidden, gradNewCell, gradGates, gradCell);
        for (int r = 0; r < n; r++) {
            for (int j = 0; j < h; j++) {
                int gate = 4 * r * h + j;
                int unit = r * h + j;
                double i = get(activations, gate);
                double f = get(activations, gate + h);
                double g = get(activations, gate + 2 * h);
                double o = get(activations, gate + 3 * h);
                double tc = Math.tanh(get(newCell, unit));
                double dh = get(gradHidden, unit);
                double dc = get(gradNewCell, unit) + dh * o * (1 - tc * tc);
                assertClose(dc * g * i * (1 - i), get(gradGates, gate), "dz_i", r, j);
                assertClose(dc * get(cell, unit) * f * (1 - f), get(gradGates, gate + h), "dz_f", r, j);
                assertClose(dc * i * (1 - g * g), get(gradGates, gate + 2 * h), "dz_g", r, j);
                assertClose(dh * tc * o * (1 - o), get(gradGates, gate + 3 * h), "dz_o", r, j);
                assertClose(dc * f, get(gradCell, unit), "dc", r, j);
            }
        }
        assertUntouchedFrom(gradGates, 4 * n * h);
        assertUntouchedFrom(gradCell, n * h);
    }

    @ParameterizedTest
    @ValueSource(ints = {64, 5})
    void aSplitOverThreadsGivesTheBitsOfOneThread(int h) {
        int n = 301;
        ByteBuffer gates = random(4 * n * h, 4, 8);
        ByteBuffer cell = random(n * h, 2, 9);
        ByteBuffer[] one = {filled(n * h), filled(n * h), filled(4 * n * h)};
        ByteBuffer[] three = {filled(n * h), filled(n * h), filled(4 * n * h)};
        new OffHeapLstmCell(1).forward(n, h, gates, null, cell, one[0], one[1], one[2]);
        new OffHeapLstmCell(3).forward(n, h, gates, null, cell, three[0], three[1], three[2]);
        for (int b = 0; b < 3; b++) {
            for (int k = 0; k < one[b].capacity() / 4; k++) {
                assertEquals(Float.floatToIntBits(one[b].getFloat(4 * k)), Float.floatToIntBits(three[b].getFloat(4 * k)),
                        "output " + b + ", float " + k);
            }
        }
    }

    @Test
    void aBufferTooSmallIsRefused() {
        ByteBuffer small = filled(4 * 2 * 3 - 1);
        var e = assertThrows(IllegalArgumentException.class,
                () -> new OffHeapLstmCell(1).forward(2, 3, small, null, filled(6), filled(6), filled(6), filled(24)));
        assertEquals("the LSTM gates holds 92 bytes, not 24 floats", e.getMessage());
    }

    private static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    private static void assertClose(double expected, float actual, String what, int r, int j) {
        assertEquals(expected, actual, TOLERANCE * Math.max(1, Math.abs(expected)), () -> what + " of row " + r + ", unit " + j);
    }

    private static void assertUntouchedFrom(ByteBuffer b, int from) {
        for (int k = from; k < b.capacity() / 4; k++) {
            assertEquals(SENTINEL, b.getFloat(4 * k), "float " + k + " past the batch");
        }
    }

    private static float get(ByteBuffer b, int k) {
        return b.getFloat(4 * k);
    }

    /** Uniform values in {@code [-scale, scale)}, with exact zeros and large magnitudes among them. */
    private static ByteBuffer random(int n, double scale, long seed) {
        Random random = new Random(seed);
        ByteBuffer b = ByteBuffer.allocateDirect(4 * n).order(ByteOrder.nativeOrder());
        for (int k = 0; k < n; k++) {
            float v = (float) ((2 * random.nextDouble() - 1) * scale);
            b.putFloat(4 * k, k % 17 == 0 ? 0f : k % 23 == 0 ? v * 30 : v);
        }
        return b;
    }

    private static ByteBuffer filled(int n) {
        ByteBuffer b = ByteBuffer.allocateDirect(4 * n).order(ByteOrder.nativeOrder());
        for (int k = 0; k < n; k++) {
            b.putFloat(4 * k, SENTINEL);
        }
        return b;
    }
}
