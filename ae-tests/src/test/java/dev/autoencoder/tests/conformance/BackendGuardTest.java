package dev.autoencoder.tests.conformance;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The suite cannot pass by running on fewer backends than the build contains: every backend named in the
 * build's {@code ae.expected.backends} property must be discovered and available.
 */
class BackendGuardTest {

    @Test
    void everyExpectedBackendIsUnderTest() {
        String expected = System.getProperty("ae.expected.backends");
        assertNotNull(expected, "system property ae.expected.backends is not set (the ae-tests pom sets it)");
        var names = Arrays.stream(expected.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        assertFalse(names.isEmpty(), "ae.expected.backends lists no backend");
        for (String name : names) {
            assertTrue(ConformanceBackends.UNDER_TEST.containsKey(name), "expected backend '" + name
                    + "' was not discovered; found " + ConformanceBackends.UNDER_TEST.keySet());
        }
    }
}
