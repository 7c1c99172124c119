package dev.autoencoder.models.bench;

import dev.autoencoder.models.factory.Presets;
import java.util.List;

/**
 * The garbage collector of a workload's benchmark JVM, unless the user chose one (a {@code -XX:+Use...GC},
 * {@code -Xmn} or {@code -XX:NewSize} option in {@code AE_JAVA_OPTS}, which the child inherits): the serial collector
 * with a young generation that holds one training step's short-lived tensors, so that they die where they were made
 * and the heap grows only with live data (the training set, the model, the optimizer's moments).
 *
 * <p>A W1 step allocates a few megabytes: 32 MB hold it. Its epoch peaked at 462, 561 and 582 MB on pure, nd4j and
 * djl this way, against 475, 585 and 604 with 64 MB and 1,142 MB (pure) under the JVM's default G1, at the same speed.
 * A W4 step keeps the tensors of its two unrolled LSTMs until the backward pass: 64 MB. A step of the convolutional
 * workloads (W2, W3) makes hundreds of megabytes of tensors; since pure's scopes reuse their arrays (and nd4j's and
 * djl's live in native memory) little of it is garbage: with 64 MB pure's W2 peaked at 1,006 MB against 1,213 with
 * 256 MB, at the same speed (before the reuse, 64 MB had cost it 13%).
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
            case MLP_AE -> 32;
            case LSTM_AE, CONV_AE, CONV_VAE -> 64;
        };
    }
}
