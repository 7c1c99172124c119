package dev.autoencoder.tests.conformance;

import static dev.autoencoder.tests.conformance.ConformanceBackends.UNDER_TEST;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.autoencoder.api.DType;
import dev.autoencoder.api.Shape;
import dev.autoencoder.api.Tensor;
import dev.autoencoder.api.TensorScope;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Scope semantics on every backend: kept tensors survive their scope, nested scopes, explicit release. */
class ScopeConformanceTest {

    @TestFactory
    Stream<DynamicTest> scopes() {
        return UNDER_TEST.values().stream().map(b -> dynamicTest(b.name(), () -> {
            Tensor kept;
            try (TensorScope outer = b.newScope()) {
                Tensor a = b.fromDoubles(new double[] {1, 2, 3}, Shape.of(3), DType.F32);
                try (TensorScope inner = b.newScope()) {
                    Tensor sum = b.add(a, a);
                    Tensor survivor = inner.keep(b.mul(sum, a));
                    assertArrayEquals(new double[] {2, 8, 18}, b.toDoubles(survivor));
                    kept = outer.keep(b.exp(b.zeros(Shape.of(2), DType.F32)));
                }
                assertArrayEquals(new double[] {2, 4, 6}, b.toDoubles(b.add(a, a)), "outer tensors outlive inner scopes");
            }
            assertArrayEquals(new double[] {1, 1}, b.toDoubles(kept), "kept tensors outlive their scope");
            b.release(kept);
            Tensor parameter = b.full(Shape.of(2, 2), DType.F32, 0.5);
            assertArrayEquals(new double[] {0.5, 0.5, 0.5, 0.5}, b.toDoubles(parameter));
            b.release(parameter);
        }));
    }
}
