package dev.autoencoder.tests.conformance;

import static dev.autoencoder.tests.conformance.ConformanceBackends.HARNESS;
import static dev.autoencoder.tests.conformance.ConformanceBackends.UNDER_TEST;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.autoencoder.api.DType;
import dev.autoencoder.api.Shape;
import dev.autoencoder.api.TensorBackend;
import dev.autoencoder.tests.golden.GoldenInputs;
import dev.autoencoder.tests.golden.GoldenOps;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every registry op on every backend against PyTorch itself: values and vector-Jacobian products from the golden
 * fixtures ({@code scripts/golden_fixtures.py}), in F32 and F64, under the table's FORWARD and GRADIENT tolerances.
 */
class PyTorchOpsTest {
    private static final GoldenOps GOLDEN = new GoldenOps();

    @TestFactory
    Stream<DynamicTest> everyOpOnEveryBackendAgainstPyTorch() {
        return UNDER_TEST.values().stream().flatMap(b -> OpRegistry.all().stream().flatMap(op -> checks(b, op).stream()));
    }

    private static List<DynamicTest> checks(TensorBackend b, OpSpec op) {
        List<DynamicTest> tests = new ArrayList<>();
        for (DType dtype : DType.values()) {
            for (Sample s : op.samples()) {
                if (b.capabilities().supports(dtype) && GoldenInputs.inFixtures(s)) {
                    String name = b.name() + " " + op.name() + " " + dtype + " pytorch [" + s.label() + "]";
                    tests.add(dynamicTest(name, () -> HARNESS.pytorch(b, op, s, dtype, GOLDEN.result(op, s, dtype).orElseThrow(
                            () -> new AssertionError("no golden fixture for " + op.name() + " (" + s.label() + ")")))));
                }
            }
        }
        return tests;
    }

    /** Writes the worst differences from PyTorch (and everything else observed so far) to {@code target/pytorch-summary.txt}. */
    @AfterAll
    static void writeSummary() throws IOException {
        System.out.println("golden fixtures computed by PyTorch " + GOLDEN.torchVersion());
        ConformanceBackends.REPORT.write(Path.of("target/pytorch-summary.txt"), ConformanceBackends.TABLE);
    }

    /** The fixtures hold every registry op, from exactly the registry's current inputs and the harness's cotangents. */
    @Test
    void fixturesCoverEveryOpWithCurrentInputs() {
        List<String> problems = new ArrayList<>();
        int samples = 0;
        for (OpSpec op : OpRegistry.all()) {
            List<Sample> held = op.samples().stream().filter(GoldenInputs::inFixtures).toList();
            if (held.isEmpty()) {
                problems.add(op.name() + " has no sample in the fixtures");
            }
            for (Sample s : held) {
                samples++;
                double[] cotangent = op.differentiable()
                        ? ConformanceHarness.cotangent(op, s, GOLDEN.result(op, s, DType.F64).map(r -> r.shape()).orElse(Shape.of()))
                        : null;
                GOLDEN.staleness(op, s, cotangent).ifPresent(problems::add);
            }
        }
        assertEquals(List.of(), problems, "the golden fixtures are stale: run GoldenInputs, then scripts/golden_fixtures.py");
        assertEquals(samples, GOLDEN.size(), "the fixtures hold samples the registry no longer has");
    }
}
