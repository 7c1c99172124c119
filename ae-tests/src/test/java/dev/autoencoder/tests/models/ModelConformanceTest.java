package dev.autoencoder.tests.models;

import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.autoencoder.api.DType;
import dev.autoencoder.api.TensorBackend;
import dev.autoencoder.api.guice.BackendSettings;
import dev.autoencoder.api.guice.Backends;
import dev.autoencoder.backend.pure.PureBackend;
import dev.autoencoder.tests.conformance.ConformanceReport;
import dev.autoencoder.tests.conformance.ToleranceTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Model-level conformance: every family (tiny instances) on every backend on the classpath, in F32 and F64,
 * against the pure F64 oracle; and an F64 central-difference check of each family's full loss on each backend.
 */
class ModelConformanceTest {
    private static final Map<String, TensorBackend> BACKENDS = Backends.all(new BackendSettings(2));
    private static final ToleranceTable TABLE = ToleranceTable.standard();
    private static final ConformanceReport REPORT = new ConformanceReport();
    private static final ModelHarness HARNESS = new ModelHarness(new PureBackend(1), TABLE, REPORT);

    /** The checks, flat and each named {@code backend family dtype check}, as surefire's XML report shows them. */
    @TestFactory
    Stream<DynamicTest> everyFamilyOnEveryBackend() {
        return BACKENDS.values().stream().flatMap(b -> ModelZoo.tiny().stream().flatMap(entry -> {
            List<DynamicTest> checks = new ArrayList<>();
            for (DType dtype : DType.values()) {
                if (b.capabilities().supports(dtype)) {
                    checks.add(dynamicTest(b.name() + " " + entry.name() + " " + dtype + " against the oracle",
                            () -> HARNESS.compare(b, dtype, entry.spec())));
                }
            }
            checks.add(dynamicTest(b.name() + " " + entry.name() + " F64 gradcheck of the full loss",
                    () -> HARNESS.gradcheck(b, entry.spec(), 12)));
            return checks.stream();
        }));
    }

    @AfterAll
    static void writeSummary() throws IOException {
        String summary = REPORT.render(TABLE).replace("Conformance summary", "Model conformance summary");
        System.out.println(summary);
        Path file = Path.of(System.getProperty("ae.conformance.summary", "target/conformance-summary.txt"))
                .resolveSibling("model-conformance-summary.txt");
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, summary);
    }
}
