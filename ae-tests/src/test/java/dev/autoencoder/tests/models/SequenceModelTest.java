package dev.autoencoder.tests.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.autoencoder.api.DType;
import dev.autoencoder.api.Shape;
import dev.autoencoder.api.TensorBackend;
import dev.autoencoder.api.TensorScope;
import dev.autoencoder.api.autodiff.Tape;
import dev.autoencoder.api.autodiff.Var;
import dev.autoencoder.api.guice.BackendSettings;
import dev.autoencoder.api.guice.Backends;
import dev.autoencoder.api.random.Rng;
import dev.autoencoder.models.factory.Models;
import dev.autoencoder.models.family.AnomalyScore;
import dev.autoencoder.models.family.Autoencoder;
import dev.autoencoder.models.family.Likelihood;
import dev.autoencoder.models.family.LstmAeSpec;
import dev.autoencoder.models.nn.Cell;
import dev.autoencoder.models.nn.Forward;
import dev.autoencoder.models.nn.Init;
import dev.autoencoder.models.nn.Recurrent;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * What the sequence family promises beyond the conformance suite, on every backend and for both cells: windows of any
 * length encode and reconstruct (a model trained on 5 steps takes 1, 3 and 11); a recurrent layer's state after
 * {@code t} steps of a long window is exactly its last state on the window's first {@code t} steps; decoding a code
 * gives the spec's length, and reconstruction at that length is decoding the code; inputs of the wrong rank or channel
 * count are refused naming the shape.
 */
class SequenceModelTest {
    private static final Map<String, TensorBackend> BACKENDS = Backends.all(new BackendSettings(2));
    private static final int N = 3;

    @TestFactory
    Stream<DynamicTest> windowsOfAnyLengthEncodeAndReconstruct() {
        return cases((b, cell) -> {
            Autoencoder model = model(b, cell);
            try (TensorScope scope = b.newScope()) {
                Tape tape = new Tape(b);
                Forward pass = Forward.inference(tape, new Rng(0));
                for (int steps : new int[] {1, 3, 5, 11}) {
                    Var x = window(b, tape, steps, 3);
                    assertEquals(Shape.of(N, 2), model.encode(x, pass).shape(), steps + " steps: code");
                    assertEquals(Shape.of(N, steps, 3), model.reconstruct(x, pass).shape(), steps + " steps: reconstruction");
                    double[] scores = b.toDoubles(model.anomalyScore(x, AnomalyScore.reconstructionError(), pass).value());
                    assertEquals(N, scores.length);
                    assertTrue(scores[0] > 0, "a mean squared error per window");
                }
                Var x = window(b, tape, 5, 3);
                assertEquals(Shape.of(N, 5, 3), model.decode(model.encode(x, pass), pass).shape(), "decoded to the spec's length");
                assertArrayEquals(b.toDoubles(model.decode(model.encode(x, pass), pass).value()),
                        b.toDoubles(model.reconstruct(x, pass).value()), "reconstruction at the spec's length is decoding the code");
            }
        });
    }

    @TestFactory
    Stream<DynamicTest> aLayersStateAfterTStepsIsItsLastStateOnTheFirstTSteps() {
        return cases((b, cell) -> {
            Recurrent layer = cell.layer(3, 4, new Init(b, DType.F64, new Rng(5)));
            try (TensorScope scope = b.newScope()) {
                Tape tape = new Tape(b);
                Forward pass = Forward.inference(tape, new Rng(0));
                Var x = window(b, tape, 9, 3);
                Recurrent.Run whole = layer.run(x, pass);
                assertEquals(Shape.of(N, 9, 4), whole.stacked().shape());
                for (int t = 1; t <= 9; t += 4) {
                    assertArrayEquals(b.toDoubles(whole.outputs().get(t - 1).value()),
                            b.toDoubles(layer.run(x.slice(1, 0, t), pass).last().value()), "state after " + t + " steps");
                }
            }
        });
    }

    @TestFactory
    Stream<DynamicTest> inputsOfTheWrongShapeAreRefused() {
        return cases((b, cell) -> {
            Autoencoder model = model(b, cell);
            try (TensorScope scope = b.newScope()) {
                Tape tape = new Tape(b);
                Forward pass = Forward.inference(tape, new Rng(0));
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> model.encode(window(b, tape, 5, 4), pass));
                assertEquals("a recurrent layer of 3 input features takes [n, steps, 3] with at least one step, got [3, 5, 4]",
                        e.getMessage());
                Var flat = tape.constant(b.fromDoubles(new double[N * 15], Shape.of(N, 15)));
                assertThrows(IllegalArgumentException.class, () -> model.reconstruct(flat, pass));
            }
        });
    }

    /** A check of one backend and cell. */
    private interface Check {
        void run(TensorBackend b, Cell cell) throws Exception;
    }

    private static Stream<DynamicTest> cases(Check check) {
        return BACKENDS.values().stream().flatMap(b -> Stream.of(Cell.values())
                .map(cell -> dynamicTest(b.name() + " " + cell, () -> check.run(b, cell))));
    }

    private static Autoencoder model(TensorBackend b, Cell cell) {
        return Models.build(new LstmAeSpec(List.of(5, 3), cell, 4, 2, Likelihood.GAUSSIAN), new Init(b, DType.F64, new Rng(3)));
    }

    private static Var window(TensorBackend b, Tape tape, int steps, int channels) {
        return tape.constant(b.fromDoubles(new Rng(steps).uniform(N * steps * channels, 0, 1), Shape.of(N, steps, channels)));
    }
}
