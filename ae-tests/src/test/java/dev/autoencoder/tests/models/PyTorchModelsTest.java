package dev.autoencoder.tests.models;

import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.autoencoder.api.DType;
import dev.autoencoder.api.TensorBackend;
import dev.autoencoder.api.guice.BackendSettings;
import dev.autoencoder.api.guice.Backends;
import dev.autoencoder.backend.pure.PureBackend;
import dev.autoencoder.tests.conformance.ToleranceTable;
import dev.autoencoder.tests.golden.GoldenModels;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * Every family and option of the model zoo on every backend against PyTorch itself (golden fixtures from
 * {@code scripts/golden_fixtures.py}, whose modules are built by {@code scripts/ae_torch.py} from the spec): each
 * loss term, every parameter gradient, the reconstruction and the code, with the same parameters, batch and noise.
 */
class PyTorchModelsTest {
    private static final Map<String, TensorBackend> BACKENDS = Backends.all(new BackendSettings(2));
    private static final ModelHarness HARNESS = new ModelHarness(new PureBackend(1), ToleranceTable.standard());

    @TestFactory
    Stream<DynamicNode> everyFamilyOnEveryBackendAgainstPyTorch() {
        return BACKENDS.values().stream().map(b -> dynamicContainer(b.name(), Arrays.stream(DType.values())
                .filter(d -> b.capabilities().supports(d))
                .map(d -> dynamicContainer(b.name() + " " + d, tests(b, d)))));
    }

    private static List<DynamicNode> tests(TensorBackend b, DType dtype) {
        return GoldenModels.read(dtype).stream().<DynamicNode>map(g -> dynamicTest(b.name() + " " + dtype + " " + g.name()
                + " against PyTorch", () -> HARNESS.pytorch(b, dtype, g))).toList();
    }
}
