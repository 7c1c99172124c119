package dev.autoencoder.tests.models;

import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.autoencoder.api.DType;
import dev.autoencoder.api.TensorBackend;
import dev.autoencoder.api.guice.BackendSettings;
import dev.autoencoder.api.guice.Backends;
import dev.autoencoder.backend.pure.PureBackend;
import dev.autoencoder.tests.conformance.ToleranceTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * Model-level conformance: every family (tiny instances) on every backend on the classpath, in F32 and F64,
 * against the pure F64 oracle; and an F64 central-difference check of each family's full loss on each backend.
 */
class ModelConformanceTest {
    private static final Map<String, TensorBackend> BACKENDS = Backends.all(new BackendSettings(2));
    private static final ModelHarness HARNESS = new ModelHarness(new PureBackend(1), ToleranceTable.standard());

    @TestFactory
    Stream<DynamicNode> everyFamilyOnEveryBackend() {
        return BACKENDS.values().stream().map(b -> dynamicContainer(b.name(), ModelZoo.tiny().stream().map(entry -> {
            List<DynamicNode> checks = new ArrayList<>();
            for (DType dtype : DType.values()) {
                if (b.capabilities().supports(dtype)) {
                    checks.add(dynamicTest(dtype + " against the oracle", () -> HARNESS.compare(b, dtype, entry.spec())));
                }
            }
            checks.add(dynamicTest("F64 gradcheck of the full loss", () -> HARNESS.gradcheck(b, entry.spec(), 12)));
            return dynamicContainer(entry.name(), checks);
        })));
    }
}
