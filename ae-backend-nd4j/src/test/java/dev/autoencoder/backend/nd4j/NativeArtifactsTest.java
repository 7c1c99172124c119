package dev.autoencoder.backend.nd4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Natives built for instructions the CPU lacks make the backend unavailable with a reason, instead of a SIGILL. */
class NativeArtifactsTest {
    private static final Set<String> ZEN3 = Set.of("sse4_2", "avx", "avx2", "fma");
    private static final Set<String> ZEN4 = Set.of("sse4_2", "avx", "avx2", "fma", "avx512f", "avx512bw");
    private static final Set<String> OLD = Set.of("sse4_2", "avx");

    @Test
    void avx512NativesNeedAvx512() {
        assertEquals(Optional.of("the ND4J natives on the classpath (linux-x86_64-onednn-avx512) need AVX-512, which this"
                        + " CPU lacks: build with -Dnd4j.native.classifier=linux-x86_64-onednn or linux-x86_64-onednn-avx2"),
                NativeArtifacts.unsupportedInstructions("linux-x86_64-onednn-avx512", ZEN3));
        assertTrue(NativeArtifacts.unsupportedInstructions("linux-x86_64-onednn-avx512", ZEN4).isEmpty());
    }

    @Test
    void avx2NativesNeedAvx2() {
        assertEquals(Optional.of("the ND4J natives on the classpath (linux-x86_64-avx2) need AVX2, which this CPU lacks:"
                + " build with -Dnd4j.native.classifier=linux-x86_64"), NativeArtifacts.unsupportedInstructions("linux-x86_64-avx2", OLD));
        assertTrue(NativeArtifacts.unsupportedInstructions("linux-x86_64-onednn-avx2", ZEN3).isEmpty());
    }

    @Test
    void genericNativesAndUnknownFlagsPass() {
        assertTrue(NativeArtifacts.unsupportedInstructions("linux-x86_64-onednn", OLD).isEmpty());
        assertTrue(NativeArtifacts.unsupportedInstructions("linux-x86_64-onednn-avx512", Set.of()).isEmpty());
    }
}
