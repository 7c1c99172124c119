package dev.autoencoder.models.bench;

import java.util.List;

/**
 * The garbage collector of a benchmark JVM, unless the user chose one (a {@code -XX:+Use...GC}, {@code -Xmn} or
 * {@code -XX:NewSize} option in {@code AE_JAVA_OPTS}, which the child inherits): the serial collector with a young
 * generation of 32 MB, which holds a training step's short-lived objects, so that they die where they were made and the
 * heap grows only with live data (the training set, the model, the optimizer's moments).
 *
 * <p>A W1 step allocates a few megabytes: its epoch peaked at 462, 561 and 582 MB on pure, nd4j and djl this way,
 * against 475, 585 and 604 with 64 MB and 1,142 MB (pure) under the JVM's default G1, at the same speed. The other
 * workloads make more, but little of it is garbage: pure's scopes reuse their arrays, and nd4j's and djl's tensors
 * live in native memory, their handles on the heap. Against 64 MB (one {@code --quick --steps 30} run each, at the
 * same speed within the machine's noise), 32 MB took W2's peak from 1,635 to 1,529 MB on djl, 2,057 to 1,947 on nd4j
 * and 1,131 to 1,123 on pure, and W4's from 509-510 to 474-477 on djl and 497 to 481 on pure.
 */
public final class BenchHeap {
    private static final int YOUNG_GENERATION_MB = 32;

    private BenchHeap() {
    }

    /** The options to add to a benchmark JVM started with {@code inherited} options. */
    public static List<String> options(List<String> inherited) {
        boolean userChose = inherited.stream().anyMatch(o -> o.matches("-XX:[+-]Use\\w*GC") || o.startsWith("-Xmn")
                || o.startsWith("-XX:NewSize") || o.startsWith("-XX:MaxNewSize"));
        return userChose ? List.of() : List.of("-XX:+UseSerialGC", "-Xmn" + YOUNG_GENERATION_MB + "m");
    }
}
