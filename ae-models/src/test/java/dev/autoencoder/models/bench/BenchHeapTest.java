package dev.autoencoder.models.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link BenchHeap}: the serial collector, a small young generation with large survivor spaces and a small initial heap, never over the user's choice. */
class BenchHeapTest {
    private static final List<String> LAUNCHER = List.of("-Djava.awt.headless=true", "--add-modules",
            "jdk.incubator.vector");

    @Test
    void theLaunchersOptionsGetTheSerialCollectorASmallYoungGenerationWithLargeSurvivorsAndASmallInitialHeap() {
        assertEquals(List.of("-XX:+UseSerialGC", "-Xmn32m", "-XX:SurvivorRatio=2", "-Xms64m"), BenchHeap.options(LAUNCHER));
    }

    @Test
    void aCollectorOrHeapSizeTheUserChoseIsKept() {
        for (String chosen : List.of("-XX:+UseG1GC", "-XX:+UseParallelGC", "-Xmn128m", "-XX:NewSize=32m", "-XX:SurvivorRatio=8", "-Xms1g",
                "-XX:InitialHeapSize=1g")) {
            assertEquals(List.of(), BenchHeap.options(List.of("-Xmx2g", chosen)), chosen);
        }
    }
}
