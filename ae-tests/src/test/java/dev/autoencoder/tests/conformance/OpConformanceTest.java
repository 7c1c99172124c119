package dev.autoencoder.tests.conformance;

import static dev.autoencoder.tests.conformance.ConformanceBackends.HARNESS;
import static dev.autoencoder.tests.conformance.ConformanceBackends.REPORT;
import static dev.autoencoder.tests.conformance.ConformanceBackends.TABLE;
import static dev.autoencoder.tests.conformance.ConformanceBackends.UNDER_TEST;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.autoencoder.api.DType;
import dev.autoencoder.api.TensorBackend;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * The op-level conformance suite: every registry entry x every backend on the classpath x every dtype it
 * supports x every sample: forward and tape gradient against the F64 oracle, central differences in F64, and
 * error inputs. Writes a summary to {@code target/conformance-summary.txt}.
 */
class OpConformanceTest {

    @TestFactory
    Stream<DynamicNode> everyOpOnEveryBackend() {
        return UNDER_TEST.values().stream().map(b -> dynamicContainer(b.name(),
                OpRegistry.all().stream().map(op -> dynamicContainer(op.name(), checks(b, op)))));
    }

    private static List<DynamicNode> checks(TensorBackend b, OpSpec op) {
        List<DynamicNode> tests = new ArrayList<>();
        for (DType dtype : DType.values()) {
            if (!b.capabilities().supports(dtype)) {
                continue;
            }
            for (Sample s : op.samples()) {
                String tag = dtype + " " + s.label();
                tests.add(dynamicTest("forward " + tag, () -> HARNESS.forward(b, op, s, dtype)));
                if (op.differentiable()) {
                    tests.add(dynamicTest("gradient " + tag, () -> HARNESS.gradient(b, op, s, dtype)));
                    if (dtype == DType.F64 && s.gradcheck()) {
                        tests.add(dynamicTest("gradcheck " + tag, () -> HARNESS.gradcheck(b, op, s)));
                    }
                }
            }
            op.errors().forEach(e -> tests.add(dynamicTest("error " + dtype + " " + e.label(), () -> HARNESS.error(b, op, e, dtype))));
        }
        return tests;
    }

    @AfterAll
    static void writeSummary() throws IOException {
        String summary = REPORT.render(TABLE);
        System.out.println(summary);
        REPORT.write(Path.of(System.getProperty("ae.conformance.summary", "target/conformance-summary.txt")), TABLE);
    }
}
