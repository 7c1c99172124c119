package dev.autoencoder.tests.models;

import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.autoencoder.api.DType;
import dev.autoencoder.api.TensorBackend;
import dev.autoencoder.api.guice.BackendSettings;
import dev.autoencoder.api.guice.Backends;
import dev.autoencoder.backend.pure.PureBackend;
import dev.autoencoder.tests.conformance.ConformanceReport;
import dev.autoencoder.tests.conformance.ToleranceTable;
import dev.autoencoder.tests.golden.GoldenModels;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every family and option of the model zoo on every backend against PyTorch itself (golden fixtures from
 * {@code scripts/golden_fixtures.py}, whose modules are built by {@code scripts/ae_torch.py} from the spec): each
 * loss term, every parameter gradient, the reconstruction and the code, with the same parameters, batch and noise.
 */
class PyTorchModelsTest {
    private static final Map<String, TensorBackend> BACKENDS = Backends.all(new BackendSettings(2));
    private static final ToleranceTable TABLE = ToleranceTable.standard();
    private static final ConformanceReport REPORT = new ConformanceReport();
    private static final ModelHarness HARNESS = new ModelHarness(new PureBackend(1), TABLE, REPORT);
    /** The fixtures per dtype, read once for every backend. */
    private static final Map<DType, List<GoldenModel>> GOLDEN = Map.of(DType.F32, GoldenModels.read(DType.F32),
            DType.F64, GoldenModels.read(DType.F64));

    @TestFactory
    Stream<DynamicTest> everyFamilyOnEveryBackendAgainstPyTorch() {
        return BACKENDS.values().stream().flatMap(b -> Arrays.stream(DType.values()).filter(d -> b.capabilities().supports(d))
                .flatMap(d -> GOLDEN.get(d).stream().map(g -> dynamicTest(b.name() + " " + g.name() + " " + d + " pytorch",
                        () -> HARNESS.pytorch(b, d, g)))));
    }

    /** Writes the worst differences from PyTorch to {@code target/pytorch-model-summary.txt}. */
    @AfterAll
    static void writeSummary() throws IOException {
        REPORT.write(Path.of("target/pytorch-model-summary.txt"), TABLE);
    }
}
