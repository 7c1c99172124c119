package dev.autoencoder.tests.conformance;

import static dev.autoencoder.tests.conformance.ConformanceBackends.UNDER_TEST;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.autoencoder.api.AdamCoefficients;
import dev.autoencoder.api.AdamUpdate;
import dev.autoencoder.api.DType;
import dev.autoencoder.api.Shape;
import dev.autoencoder.api.Tensor;
import dev.autoencoder.api.TensorBackend;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every backend's F32 Adam step writes into the parameter and moments it was given (the registry proves the values; this
 * proves that a training step copies none of them), and the same values as the step that returns new tensors.
 */
class InPlaceAdamTest {
    private static final AdamCoefficients STEP = AdamCoefficients.atStep(1e-3, 0.9, 0.999, 1e-8, 4);
    /** A few F32 ulps of values below 1; a gradient read in the buffer's order instead would be off by 0.01 or more. */
    private static final double F32_ULPS = 1e-7;

    @TestFactory
    Stream<DynamicTest> updatesItsOperands() {
        return UNDER_TEST.values().stream().map(b -> dynamicTest(b.name(), () -> {
            Tensor param = filled(b, 0.5);
            Tensor grad = filled(b, -0.25);
            Tensor m = filled(b, 0.1);
            Tensor v = filled(b, 0.02);
            AdamUpdate copied = b.adamStep(param, grad, m, v, STEP);
            double[] expected = b.toDoubles(copied.param());
            AdamUpdate inPlace = b.adamStepInPlace(param, grad, m, v, STEP);
            assertSame(param, inPlace.param(), "the parameter is updated in place");
            assertSame(m, inPlace.m(), "the first moment is updated in place");
            assertSame(v, inPlace.v(), "the second moment is updated in place");
            assertArrayEquals(expected, b.toDoubles(param), "the same step as adamStep's");
            assertArrayEquals(b.toDoubles(copied.m()), b.toDoubles(m));
            assertTrue(b.toDoubles(param)[0] < 0.5, "the step moved the parameter");
        }));
    }

    /**
     * A permuted gradient gives the same step, whatever path the backend takes for it: each element of the view is the
     * gradient of the parameter's element. On djl it is a view that libtorch does not store contiguously, so DJL's own
     * updater runs, which orders the operations of m, v and p its own way (a few F32 ulps from the one-pass kernel).
     */
    @TestFactory
    Stream<DynamicTest> aPermutedGradientGivesTheSameStep() {
        return UNDER_TEST.values().stream().map(b -> dynamicTest(b.name(), () -> {
            double[] values = new double[12];
            for (int i = 0; i < values.length; i++) {
                values[i] = (i - 5) * 0.1;
            }
            Tensor gradT = b.fromDoubles(values, Shape.of(4, 3), DType.F32);
            Tensor view = b.permute(gradT, 1, 0);
            Tensor copy = b.fromDoubles(b.toDoubles(view), Shape.of(3, 4), DType.F32);
            AdamUpdate expected = b.adamStep(filled(b, 0.5), copy, filled(b, 0.1), filled(b, 0.02), STEP);
            Tensor param = filled(b, 0.5);
            Tensor m = filled(b, 0.1);
            Tensor v = filled(b, 0.02);
            AdamUpdate inPlace = b.adamStepInPlace(param, view, m, v, STEP);
            assertArrayEquals(b.toDoubles(expected.param()), b.toDoubles(inPlace.param()), F32_ULPS);
            assertArrayEquals(b.toDoubles(expected.m()), b.toDoubles(inPlace.m()), F32_ULPS);
            assertArrayEquals(b.toDoubles(expected.v()), b.toDoubles(inPlace.v()), F32_ULPS);
        }));
    }

    /**
     * A moment that decays below the normal floats is stored as 0 (see {@link AdamCoefficients.F32}), by both steps: a
     * gradient of 0 takes {@code m = 1.2e-38} to {@code 1.08e-38} and {@code v = 1.176e-38} to {@code 1.1748e-38}.
     */
    @TestFactory
    Stream<DynamicTest> momentsBelowTheNormalFloatsAreFlushedToZero() {
        return UNDER_TEST.values().stream().map(b -> dynamicTest(b.name(), () -> {
            AdamUpdate copied = b.adamStep(filled(b, 0.5), filled(b, 0), filled(b, 1.2e-38), filled(b, 1.176e-38), STEP);
            Tensor param = filled(b, 0.5);
            Tensor m = filled(b, 1.2e-38);
            Tensor v = filled(b, 1.176e-38);
            b.adamStepInPlace(param, filled(b, 0), m, v, STEP);
            for (Tensor moment : new Tensor[] {copied.m(), copied.v(), m, v}) {
                assertArrayEquals(new double[12], b.toDoubles(moment));
            }
            assertArrayEquals(b.toDoubles(filled(b, 0.5)), b.toDoubles(param));
            assertArrayEquals(b.toDoubles(filled(b, 0.5)), b.toDoubles(copied.param()));
        }));
    }

    private static Tensor filled(TensorBackend b, double value) {
        return b.full(Shape.of(3, 4), DType.F32, value);
    }
}
