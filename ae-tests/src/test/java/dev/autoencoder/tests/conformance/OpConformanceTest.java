package dev.autoencoder.tests.conformance;

import static dev.autoencoder.tests.conformance.ConformanceBackends.HARNESS;
import static dev.autoencoder.tests.conformance.ConformanceBackends.REPORT;
import static dev.autoencoder.tests.conformance.ConformanceBackends.TABLE;
import static dev.autoencoder.tests.conformance.ConformanceBackends.UNDER_TEST;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.IOException;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The op-level conformance suite: every registry entry x every backend on the classpath x every dtype it
 * supports x every sample: forward and tape gradient against the F64 oracle, central differences in F64, and
 * error inputs. Writes a summary to {@code target/conformance-summary.txt}.
 */
class OpConformanceTest {

    /**
     * The checks, flat and each named completely ({@code backend op dtype check [sample]}): surefire's XML
     * report names a case by its display name after those of its containers, so containers would only repeat
     * what the name says.
     */
    @TestFactory
    Stream<DynamicTest> everyOpOnEveryBackend() {
        return UNDER_TEST.values().stream().flatMap(b -> OpRegistry.all().stream()
                .flatMap(op -> HARNESS.cases(b, op).stream().map(c -> dynamicTest(c.name(), c.run()::run))));
    }

    @AfterAll
    static void writeSummary() throws IOException {
        String summary = REPORT.render(TABLE);
        System.out.println(summary);
        REPORT.write(Path.of(System.getProperty("ae.conformance.summary", "target/conformance-summary.txt")), TABLE);
    }
}
