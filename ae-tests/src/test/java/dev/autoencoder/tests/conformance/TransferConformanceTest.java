package dev.autoencoder.tests.conformance;

import static dev.autoencoder.tests.conformance.ConformanceBackends.UNDER_TEST;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.autoencoder.api.DType;
import dev.autoencoder.api.Shape;
import dev.autoencoder.api.ShapeMismatchException;
import dev.autoencoder.api.Tensor;
import dev.autoencoder.api.TensorBackend;
import dev.autoencoder.api.TensorScope;
import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Uploads from and downloads into buffers on every backend: exactly the floats between position and limit go in,
 * exactly the tensor's elements come out at the position, and neither call moves the caller's position.
 */
class TransferConformanceTest {
    private static final float SENTINEL = -7.5f;

    @TestFactory
    Stream<DynamicTest> uploadsTheRemainingFloatsOfAView() {
        return each(b -> {
            float[] backing = {SENTINEL, SENTINEL, 1, 2, 3, 4, 5, 6, SENTINEL};
            FloatBuffer view = FloatBuffer.wrap(backing, 2, 6).asReadOnlyBuffer();
            Tensor t = b.fromFloats(view, Shape.of(2, 3));
            assertEquals(DType.F32, t.dtype());
            assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6}, b.toFloats(t));
            assertEquals(2, view.position(), "the position stays");
            assertEquals(6, view.remaining());
        });
    }

    @TestFactory
    Stream<DynamicTest> rejectsAViewThatDoesNotFillTheShape() {
        return each(b -> {
            FloatBuffer view = FloatBuffer.wrap(new float[] {1, 2, 3, 4, 5, 6, 7}, 1, 5);
            assertThrows(ShapeMismatchException.class, () -> b.fromFloats(view, Shape.of(2, 3)));
        });
    }

    @TestFactory
    Stream<DynamicTest> downloadsAtThePositionAndNowhereElse() {
        return each(b -> {
            Tensor t = b.fromFloats(new float[] {1, -2, 3.5f, 4, 5, 6}, Shape.of(3, 2));
            float[] out = filled(10);
            FloatBuffer into = FloatBuffer.wrap(out, 3, 7);
            b.toFloats(t, into);
            assertArrayEquals(new float[] {SENTINEL, SENTINEL, SENTINEL, 1, -2, 3.5f, 4, 5, 6, SENTINEL}, out);
            assertEquals(3, into.position(), "the position stays");
        });
    }

    @TestFactory
    Stream<DynamicTest> downloadsDoublesRoundedToFloats() {
        return each(b -> {
            if (!b.capabilities().dtypes().contains(DType.F64)) {
                return;
            }
            double[] values = {0.1, -1.0 / 3, 1e-40, 3.4e38};
            Tensor t = b.fromDoubles(values, Shape.of(4));
            float[] out = filled(5);
            b.toFloats(t, FloatBuffer.wrap(out, 1, 4));
            float[] expected = {SENTINEL, (float) 0.1, (float) (-1.0 / 3), (float) 1e-40, (float) 3.4e38};
            assertArrayEquals(expected, out);
        });
    }

    @TestFactory
    Stream<DynamicTest> refusesABufferWithoutRoomAndWritesNothing() {
        return each(b -> {
            Tensor t = b.fromFloats(new float[] {1, 2, 3, 4}, Shape.of(2, 2));
            float[] out = filled(6);
            assertThrows(ShapeMismatchException.class, () -> b.toFloats(t, FloatBuffer.wrap(out, 3, 3)));
            assertArrayEquals(filled(6), out);
        });
    }

    @TestFactory
    Stream<DynamicTest> emptyAndScalarTensors() {
        return each(b -> {
            Tensor empty = b.fromFloats(FloatBuffer.allocate(0), Shape.of(0, 3));
            b.toFloats(empty, FloatBuffer.allocate(0));
            assertArrayEquals(new float[0], b.toFloats(empty));
            Tensor scalar = b.fromFloats(FloatBuffer.wrap(new float[] {SENTINEL, 2.5f}, 1, 1), Shape.scalar());
            float[] out = filled(2);
            b.toFloats(scalar, FloatBuffer.wrap(out, 1, 1));
            assertArrayEquals(new float[] {SENTINEL, 2.5f}, out);
        });
    }

    private static float[] filled(int n) {
        float[] a = new float[n];
        Arrays.fill(a, SENTINEL);
        return a;
    }

    private static Stream<DynamicTest> each(Consumer<TensorBackend> check) {
        return UNDER_TEST.values().stream().map(b -> dynamicTest(b.name(), () -> {
            try (TensorScope scope = b.newScope()) {
                check.accept(b);
            }
        }));
    }
}
