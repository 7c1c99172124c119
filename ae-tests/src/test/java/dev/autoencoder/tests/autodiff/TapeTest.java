package dev.autoencoder.tests.autodiff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autoencoder.api.DType;
import dev.autoencoder.api.Shape;
import dev.autoencoder.api.TensorBackend;
import dev.autoencoder.api.autodiff.Functions;
import dev.autoencoder.api.autodiff.Gradients;
import dev.autoencoder.api.autodiff.Tape;
import dev.autoencoder.api.autodiff.Var;
import dev.autoencoder.backend.pure.PureBackend;
import org.junit.jupiter.api.Test;

/** Wiring of the tape itself: accumulation, constants, stop-gradient, unreached variables, known values. */
class TapeTest {
    private final TensorBackend b = new PureBackend(1);

    private Var variable(Tape t, double... v) {
        return t.variable(b.fromDoubles(v, Shape.of(v.length)));
    }

    @Test
    void aVariableUsedTwiceAccumulatesItsGradient() {
        Tape t = new Tape(b);
        Var x = variable(t, 1, 2, 3);
        Var y = x.mul(x).add(x).sum(); // d/dx (x^2 + x) = 2x + 1
        assertArrayEquals(new double[] {3, 5, 7}, b.toDoubles(t.backward(y).of(x)));
    }

    @Test
    void constantsAndDetachedValuesGetNoGradientAndAreNotRecorded() {
        Tape t = new Tape(b);
        Var x = variable(t, 2);
        Var c = t.constant(b.fromDoubles(new double[] {5}, Shape.of(1)));
        Var y = x.mul(c).add(x.detach().mul(x)).sum(); // 5x + x0 * x, x0 held fixed
        Gradients g = t.backward(y);
        assertArrayEquals(new double[] {7}, b.toDoubles(g.of(x)));
        assertArrayEquals(new double[] {0}, b.toDoubles(g.of(c)));
        assertFalse(c.mul(c).requiresGrad(), "operations on constants are not recorded");
    }

    @Test
    void unreachedVariablesGetZeros() {
        Tape t = new Tape(b);
        Var x = variable(t, 1, 2);
        Var unused = variable(t, 3, 4, 5);
        Gradients g = t.backward(x.sum());
        assertArrayEquals(new double[] {0, 0, 0}, b.toDoubles(g.of(unused)));
    }

    @Test
    void broadcastGradientsAreSummedBackToTheOperandShape() {
        Tape t = new Tape(b);
        Var x = t.variable(b.full(Shape.of(4, 3), DType.F64, 1));
        Var bias = t.variable(b.fromDoubles(new double[] {1, 2, 3}, Shape.of(3)));
        Gradients g = t.backward(x.add(bias).sum());
        assertArrayEquals(new double[] {4, 4, 4}, b.toDoubles(g.of(bias)));
    }

    @Test
    void knownValuesOfTheComposites() {
        Tape t = new Tape(b);
        Var z = variable(t, 0, 1000, -1000);
        assertArrayEquals(new double[] {Math.log(2), 1000, 0}, b.toDoubles(Functions.softplus(z).value()), 1e-12);
        Var mu = t.constant(b.fromDoubles(new double[] {0, 0, 1, 0}, Shape.of(2, 2)));
        Var logVar = t.constant(b.zeros(Shape.of(2, 2), DType.F64));
        assertArrayEquals(new double[] {0, 0.5}, b.toDoubles(Functions.klToStdNormal(mu, logVar).value()), 1e-12);
        Var p = t.constant(b.fromDoubles(new double[] {0, 1}, Shape.of(2)));
        Var target = t.constant(b.fromDoubles(new double[] {1, 1}, Shape.of(2)));
        assertArrayEquals(new double[] {100, 0}, b.toDoubles(Functions.bce(p, target).value()), 1e-12,
                "log(0) is clamped at -100 as in PyTorch");
    }

    /**
     * The LSTM cell is one operation with two outputs: a loss that reads only the new cell state still reaches the gates
     * and the old state through it. With gates of zero, {@code i = f = o = 1/2} and {@code g = 0}, so {@code c' = c / 2},
     * and the gradients of {@code sum(c')} are {@code 1/2} for {@code c} and {@code [0, c/4, 1/2, 0]} for the gates.
     */
    @Test
    void aTwoOutputOperationPassesBackTheGradientOfTheOutputThatIsUsed() {
        Tape t = new Tape(b);
        Var gates = t.variable(b.zeros(Shape.of(1, 8), DType.F64));
        Var cell = t.variable(b.fromDoubles(new double[] {2, -4}, Shape.of(1, 2)));
        Gradients g = t.backward(Functions.lstmCell(gates, cell).cell().sum());
        assertArrayEquals(new double[] {0.5, 0.5}, b.toDoubles(g.of(cell)));
        assertArrayEquals(new double[] {0, 0, 0.5, -1, 0.5, 0.5, 0, 0}, b.toDoubles(g.of(gates)), 0.0);
    }

    @Test
    void backwardRejectsAnOutputFromAnotherTape() {
        Tape a = new Tape(b);
        Tape other = new Tape(b);
        Var y = variable(other, 1).sum();
        var e = assertThrows(IllegalArgumentException.class, () -> a.backward(y));
        assertTrue(e.getMessage().contains("another tape"));
    }

    @Test
    void sameSeedSameGradientsInF32() {
        assertEquals(gradientOnce(), gradientOnce(), "deterministic for a fixed thread count");
    }

    private double gradientOnce() {
        Tape t = new Tape(b);
        var rng = new dev.autoencoder.api.random.Rng(9);
        Var w = t.variable(rng.uniform(b, Shape.of(64, 32), DType.F32, -1, 1));
        Var x = t.constant(rng.uniform(b, Shape.of(16, 64), DType.F32, -1, 1));
        Var loss = x.matmul(w).sigmoid().mean();
        return b.toDoubles(t.backward(loss).of(w))[17];
    }
}
