package dev.autoencoder.backend.djl;

import dev.autoencoder.api.DType;
import dev.autoencoder.api.Shape;
import dev.autoencoder.api.TensorBackend;
import dev.autoencoder.api.guice.BackendSettings;
import dev.autoencoder.api.guice.Backends;
import java.lang.management.ManagementFactory;

/**
 * Prints how long the first tensor operation on djl takes as a user meets it: selection through discovery,
 * libtorch's load (with its extraction into DJL's cache directory when that is empty), one operation and its
 * download. Run by {@code src/test/sh/offline-check.sh}, once with an empty cache and once warm.
 */
public final class FirstOperationTime {
    private FirstOperationTime() {
    }

    public static void main(String[] args) {
        long start = System.nanoTime();
        TensorBackend b = Backends.select("djl", new BackendSettings(2));
        float[] y = b.toFloats(b.exp(b.full(Shape.of(2, 3), DType.F32, 0)));
        long ms = (System.nanoTime() - start) / 1_000_000;
        if (y[0] != 1f) {
            throw new AssertionError("exp(0) = " + y[0]);
        }
        System.out.printf("first djl tensor operation: %d ms (JVM up %d ms), %s, cache %s%n", ms,
                ManagementFactory.getRuntimeMXBean().getUptime(), b.version(), System.getenv("DJL_CACHE_DIR"));
    }
}
