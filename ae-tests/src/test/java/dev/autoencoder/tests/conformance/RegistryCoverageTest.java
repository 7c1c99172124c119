package dev.autoencoder.tests.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autoencoder.api.TensorBackend;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The registry covers every primitive of the SPI, so a new primitive cannot go unchecked. */
class RegistryCoverageTest {
    /** Methods that are not operations, or that every check exercises, with the reason. */
    private static final Map<String, String> EXERCISED_ELSEWHERE = Map.of(
            "name", "identification, not an operation",
            "version", "identification, not an operation",
            "capabilities", "decides which dtypes are checked",
            "newScope", "every check runs in a scope; ScopeConformanceTest checks keep and close",
            "release", "ScopeConformanceTest",
            "fromDoubles", "creates every input of every check",
            "toDoubles", "reads every result of every check",
            "toFloats", "TransferConformanceTest; the fromFloats entry round-trips through it");

    @Test
    void everyAbstractPrimitiveHasARegistryEntry() {
        Set<String> covered = OpRegistry.all().stream().map(OpSpec::primitive).collect(Collectors.toSet());
        Set<String> missing = new TreeSet<>();
        for (Method m : TensorBackend.class.getMethods()) {
            if (Modifier.isAbstract(m.getModifiers()) && !covered.contains(m.getName())
                    && !EXERCISED_ELSEWHERE.containsKey(m.getName())) {
                missing.add(m.getName());
            }
        }
        assertEquals(Set.of(), missing, "primitives without a registry entry");
    }

    @Test
    void namesAreUniqueAndEveryEntryHasSamples() {
        var ops = OpRegistry.all();
        assertEquals(ops.size(), ops.stream().map(OpSpec::name).distinct().count(), "duplicate op names");
        ops.forEach(op -> assertTrue(!op.samples().isEmpty(), op.name() + " has no sample"));
        assertTrue(Arrays.stream(TensorBackend.class.getMethods()).anyMatch(m -> m.getName().equals("conv2dTranspose")));
    }
}
