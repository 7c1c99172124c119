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

    private static Tensor filled(TensorBackend b, double value) {
        return b.full(Shape.of(3, 4), DType.F32, value);
    }
}
