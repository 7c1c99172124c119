package dev.autoencoder.tests.conformance;

import dev.autoencoder.api.TensorBackend;
import dev.autoencoder.api.guice.BackendSettings;
import dev.autoencoder.api.guice.Backends;
import dev.autoencoder.backend.pure.PureBackend;
import java.util.Map;

/** The backends under test (every one found on the classpath) and the shared harness, created once. */
final class ConformanceBackends {
    static final Map<String, TensorBackend> UNDER_TEST = Backends.all(new BackendSettings(2));
    static final ToleranceTable TABLE = ToleranceTable.standard();
    static final ConformanceReport REPORT = new ConformanceReport();
    static final ConformanceHarness HARNESS = new ConformanceHarness(new PureBackend(1), new PureBackend(1), TABLE, REPORT);

    private ConformanceBackends() {
    }
}
