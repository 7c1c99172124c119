package dev.autoencoder.models.bench;

import dev.autoencoder.models.factory.Presets;
import java.util.List;

/**
 * The garbage collector of a workload's benchmark JVM, unless the user chose one (a {@code -XX:+Use...GC},
 * {@code -Xmn} or {@code -XX:NewSize} option in {@code AE_JAVA_OPTS}, which the child inherits): the serial collector
 * with a young generation that holds one training step's short-lived tensors, so that they die where they were made
 * and the heap grows only with live data (the training set, the model, the optimizer's moments).
 *
 * <p>A step of the dense and recurrent workloads (W1, W4) allocates a few megabytes: 64 MB hold it. W1 on pure peaked
 * at 432 MB this way against 1,142 MB under the JVM's default G1, at the same speed. A step of the convolutional
 * workloads (W2, W3) allocates hundreds of megabytes: 256 MB keep most of it young (with 64 MB pure's W2 ran 13%
 * slower); pure's W2 peaked at about 1,020 MB against G1's 1,300, 2-5% slower.
 */
public final class BenchHeap {
    private BenchHeap() {
    }

    /** The options to add for {@code workload} to a JVM started with {@code inherited} options. */
    public static List<String> options(Presets workload, List<String> inherited) {
        boolean userChose = inherited.stream().anyMatch(o -> o.matches("-XX:[+-]Use\\w*GC") || o.startsWith("-Xmn")
                || o.startsWith("-XX:NewSize") || o.startsWith("-XX:MaxNewSize"));
        return userChose ? List.of() : List.of("-XX:+UseSerialGC", "-Xmn" + youngGenerationMb(workload) + "m");
    }

    /** Megabytes that hold a training step's short-lived tensors. */
    private static int youngGenerationMb(Presets workload) {
        return switch (workload) {
            case MLP_AE, LSTM_AE -> 64;
            case CONV_AE, CONV_VAE -> 256;
        };
    }
}
