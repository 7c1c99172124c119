package dev.autoencoder.tests.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.autoencoder.api.Shape;
import dev.autoencoder.api.TensorBackend;
import dev.autoencoder.api.TensorScope;
import dev.autoencoder.api.autodiff.Tape;
import dev.autoencoder.api.autodiff.Var;
import dev.autoencoder.api.guice.BackendSettings;
import dev.autoencoder.api.guice.Backends;
import dev.autoencoder.api.random.Rng;
import dev.autoencoder.models.nn.Forward;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * {@link Forward#released} on every backend: in an inference pass over constant inputs, what a part made on its way is
 * gone once it returns (reading it fails) while its results stay; in a training pass, or when an input needs a
 * gradient, nothing is released and the gradient flows through the part.
 */
class ReleasedPartsTest {
    private static final Map<String, TensorBackend> BACKENDS = Backends.all(new BackendSettings(2));
    private static final float[] X = {1, 2, 3, 4};

    @TestFactory
    Stream<DynamicTest> inferenceReleasesWhatThePartMadeAndKeepsItsResults() {
        return each((b, tape) -> {
            Var x = tape.constant(b.fromFloats(X, Shape.of(2, 2)));
            Var[] square = new Var[1];
            Var y = Forward.inference(tape, new Rng(0)).released(List.of(x), () -> {
                square[0] = x.mul(x);
                return List.of(square[0].add(1.0));
            }).get(0);
            assertArrayEquals(new float[] {2, 5, 10, 17}, b.toFloats(y.value()), "the result");
            assertThrows(IllegalStateException.class, () -> b.toFloats(square[0].value()), "the intermediate x * x");
        });
    }

    @TestFactory
    Stream<DynamicTest> trainingReleasesNothing() {
        return each((b, tape) -> {
            Var x = tape.constant(b.fromFloats(X, Shape.of(2, 2)));
            checkUnreleased(b, tape, Forward.training(tape, new Rng(0), 1.0), x);
        });
    }

    @TestFactory
    Stream<DynamicTest> anInputNeedingAGradientReleasesNothing() {
        return each((b, tape) -> {
            Var x = tape.variable(b.fromFloats(X, Shape.of(2, 2)));
            checkUnreleased(b, tape, Forward.inference(tape, new Rng(0)), x);
        });
    }

    /** {@code x * x + 1} through {@code pass}: the product stays readable, and its gradient is {@code 2x} where x is a variable. */
    private static void checkUnreleased(TensorBackend b, Tape tape, Forward pass, Var x) {
        Var[] product = new Var[1];
        Var y = pass.released(List.of(x), () -> {
            product[0] = x.mul(x);
            return List.of(product[0].add(1.0));
        }).get(0);
        assertArrayEquals(new float[] {1, 4, 9, 16}, b.toFloats(product[0].value()), "the intermediate x * x");
        if (x.requiresGrad()) {
            assertArrayEquals(new float[] {2, 4, 6, 8}, b.toFloats(tape.backward(y.sum()).of(x)), "d sum(x * x + 1) / dx");
        }
    }

    /** A check on one backend, inside a scope, with a new tape. */
    private interface Check {
        void run(TensorBackend b, Tape tape);
    }

    private static Stream<DynamicTest> each(Check check) {
        return BACKENDS.entrySet().stream().map(e -> dynamicTest(e.getKey(), () -> {
            try (TensorScope scope = e.getValue().newScope()) {
                check.run(e.getValue(), new Tape(e.getValue()));
            }
        }));
    }
}
