package dev.autoencoder.models.bench;

import java.util.List;

/**
 * The heap of a benchmark JVM, unless the user chose its layout (a {@code -XX:+Use...GC}, {@code -Xmn},
 * {@code -XX:NewSize}, {@code -XX:SurvivorRatio} or {@code -Xms} option in {@code AE_JAVA_OPTS}, which the child
 * inherits): the serial collector with a young generation of 32 MB, which holds a training step's short-lived objects,
 * so that they die where they were made, and an initial heap of 64 MB, so that the old generation grows with live data (the training set, the
 * model, the optimizer's moments) rather than filling the JVM's default initial heap (1/64 of memory) with promoted
 * garbage before its first full collection.
 *
 * <p>A W1 step allocates a few megabytes: its epoch peaked at 462, 561 and 582 MB on pure, nd4j and djl this way,
 * against 475, 585 and 604 with 64 MB and 1,142 MB (pure) under the JVM's default G1, at the same speed. The other
 * workloads make more, but little of it is garbage: pure's scopes reuse their arrays, and nd4j's and djl's tensors
 * live in native memory, their handles on the heap. Against 64 MB (one {@code --quick --steps 30} run each, at the
 * same speed within the machine's noise), 32 MB took W2's peak from 1,635 to 1,529 MB on djl, 2,057 to 1,947 on nd4j
 * and 1,131 to 1,123 on pure, and W4's from 509-510 to 474-477 on djl and 497 to 481 on pure. The 64 MB initial heap
 * then took W4's from 1,030 to 863 MB on nd4j (whose handles survive a young collection or two: its old generation
 * had filled at about 1 MB a second, now collected every 10 s in 0.1 s), about 475 to 461 on djl and 481 to 333 on pure;
 * W1-W3, whose training sets fill the old generation anyway, peaked where they did (within 25 MB). Survivor spaces of
 * a quarter of the young generation each ({@code -XX:SurvivorRatio=2}, against the default tenth) keep the objects
 * that outlive one collection by a step or two there rather than promoting them: W4 on nd4j, whose every kernel call
 * leaves ND4J's descriptors behind, peaked at 471-475 MB against 523-524 (two runs each, 2026-12-08), the others
 * within 40 MB of where they were and at the same speed within the machine's noise.
 */
public final class BenchHeap {
    private static final int YOUNG_GENERATION_MB = 32;
    private static final int INITIAL_HEAP_MB = 64;
    /** Eden's size over each survivor space's. */
    private static final int SURVIVOR_RATIO = 2;

    private BenchHeap() {
    }

    /** The options to add to a benchmark JVM started with {@code inherited} options. */
    public static List<String> options(List<String> inherited) {
        boolean userChose = inherited.stream().anyMatch(o -> o.matches("-XX:[+-]Use\\w*GC") || o.startsWith("-Xmn")
                || o.startsWith("-XX:NewSize") || o.startsWith("-XX:MaxNewSize") || o.startsWith("-XX:SurvivorRatio")
                || o.startsWith("-Xms") || o.startsWith("-XX:InitialHeapSize"));
        return userChose ? List.of()
                : List.of("-XX:+UseSerialGC", "-Xmn" + YOUNG_GENERATION_MB + "m", "-XX:SurvivorRatio=" + SURVIVOR_RATIO,
                        "-Xms" + INITIAL_HEAP_MB + "m");
    }
}
