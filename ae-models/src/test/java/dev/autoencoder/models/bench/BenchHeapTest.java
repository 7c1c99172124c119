package dev.autoencoder.models.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.autoencoder.models.factory.Presets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link BenchHeap}: the serial collector, a young generation per kind of workload, never over the user's choice. */
class BenchHeapTest {
    private static final List<String> LAUNCHER = List.of("-Djava.awt.headless=true", "--add-modules",
            "jdk.incubator.vector");

    @Test
    void theDenseWorkloadGetsTheSmallestYoungGeneration() {
        assertEquals(List.of("-XX:+UseSerialGC", "-Xmn32m"), BenchHeap.options(Presets.MLP_AE, LAUNCHER));
    }

    @Test
    void recurrentAndConvolutionalWorkloadsGetALargerOne() {
        for (Presets workload : List.of(Presets.LSTM_AE, Presets.CONV_AE, Presets.CONV_VAE)) {
            assertEquals(List.of("-XX:+UseSerialGC", "-Xmn64m"), BenchHeap.options(workload, LAUNCHER), workload.name());
        }
    }

    @Test
    void aCollectorOrYoungGenerationTheUserChoseIsKept() {
        for (String chosen : List.of("-XX:+UseG1GC", "-XX:+UseParallelGC", "-Xmn128m", "-XX:NewSize=32m")) {
            assertEquals(List.of(), BenchHeap.options(Presets.CONV_AE, List.of("-Xmx2g", chosen)), chosen);
        }
    }
}
