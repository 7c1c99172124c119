package dev.autoencoder.nativeruntime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class NativeHeapTest {
    @Test
    void glibcTakesTheSettingsUnlessTheUserConfiguredMalloc() {
        boolean userConfigured = NativeHeap.userConfigured(System.getenv());
        assertEquals(!userConfigured, NativeHeap.keepFreedMemory(), "mallopt accepted every setting");
        assertEquals(!userConfigured, NativeHeap.keepFreedMemory(), "the answer of the first call stands");
    }

    @Test
    void mallocVariablesAndTunablesAreTheUsersConfiguration() {
        assertTrue(NativeHeap.userConfigured(Map.of("GLIBC_TUNABLES", "glibc.malloc.trim_threshold=0")));
        assertTrue(NativeHeap.userConfigured(Map.of("MALLOC_ARENA_MAX", "2")));
        assertTrue(NativeHeap.userConfigured(Map.of("MALLOC_TRIM_THRESHOLD_", "0")));
        assertFalse(NativeHeap.userConfigured(Map.of("PATH", "/usr/bin", "OMP_WAIT_POLICY", "PASSIVE")));
    }
}
