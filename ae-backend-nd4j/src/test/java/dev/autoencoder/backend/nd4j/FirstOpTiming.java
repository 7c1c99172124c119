package dev.autoencoder.backend.nd4j;

import dev.autoencoder.api.DType;
import dev.autoencoder.api.Shape;
import dev.autoencoder.api.Tensor;
import dev.autoencoder.api.TensorBackend;
import dev.autoencoder.api.guice.BackendSettings;
import dev.autoencoder.api.guice.Backends;
import java.lang.management.ManagementFactory;

/**
 * Prints how long the first tensor operation on the ND4J backend takes: selecting the backend (which loads the
 * natives, extracting them to {@code ~/.javacpp/cache} on the first run) plus one addition read back. Run by hand;
 * for a cold start point JavaCPP at an empty cache: {@code -Dorg.bytedeco.javacpp.cachedir=/tmp/empty-cache}.
 */
public final class FirstOpTiming {
    private FirstOpTiming() {
    }

    /** No arguments. */
    public static void main(String[] args) {
        long start = System.nanoTime();
        TensorBackend b = Backends.select(Nd4jBackend.NAME, new BackendSettings(2));
        Tensor one = b.full(Shape.of(2, 2), DType.F32, 1);
        float[] sum = b.toFloats(b.add(one, one));
        long firstOp = System.nanoTime() - start;
        System.out.printf("first operation on %s %s: %.0f ms after selection started, %d ms after JVM start (result %s)%n",
                b.name(), b.version(), firstOp / 1e6, ManagementFactory.getRuntimeMXBean().getUptime(), sum[0]);
    }
}
