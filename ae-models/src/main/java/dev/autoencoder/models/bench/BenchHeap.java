package dev.autoencoder.models.bench;

import dev.autoencoder.models.factory.Presets;
import java.util.List;

/**
 * The garbage collector of a workload's benchmark JVM, unless the user chose one (a {@code -XX:+Use...GC},
 * {@code -Xmn} or {@code -XX:NewSize} option in {@code AE_JAVA_OPTS}, which the child inherits).
 *
 * <p>A training step of the dense and recurrent workloads (W1, W4) allocates a few megabytes of tensors that die
 * within the step. The serial collector with a 64 MB young generation collects them where they were made and grows
 * the heap only with live data: W1 on pure peaked at 432 MB this way against 1,142 MB under the JVM's default G1,
 * at the same speed. The convolutional workloads (W2, W3) allocate hundreds of megabytes per step, more than such a
 * young generation holds, so that the serial collector promotes them and runs full collections: pure's W2 ran 13%
 * slower with it; they keep the JVM's default.
 */
public final class BenchHeap {
    private static final List<String> SMALL_STEPS = List.of("-XX:+UseSerialGC", "-Xmn64m");

    private BenchHeap() {
    }

    /** The options to add for {@code workload} to a JVM started with {@code inherited} options. */
    public static List<String> options(Presets workload, List<String> inherited) {
        boolean userChose = inherited.stream().anyMatch(o -> o.matches("-XX:[+-]Use\\w*GC") || o.startsWith("-Xmn")
                || o.startsWith("-XX:NewSize") || o.startsWith("-XX:MaxNewSize"));
        if (userChose) {
            return List.of();
        }
        return switch (workload) {
            case MLP_AE, LSTM_AE -> SMALL_STEPS;
            case CONV_AE, CONV_VAE -> List.of();
        };
    }
}
