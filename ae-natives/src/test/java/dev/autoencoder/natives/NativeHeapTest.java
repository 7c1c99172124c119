package dev.autoencoder.natives;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NativeHeapTest {
    /** Larger than glibc's largest threshold for mapped blocks (32 MiB), so that its defaults map it afresh every time. */
    private static final long BLOCK = 40L << 20;
    private static final long PAGES = BLOCK / 4096;

    @Test
    void glibcTakesTheSettingsUnlessTheUserConfiguredMalloc() {
        boolean userConfigured = NativeHeap.userConfigured(System.getenv());
        assertEquals(!userConfigured, NativeHeap.keepFreedMemory(), "mallopt accepted every setting");
        assertEquals(!userConfigured, NativeHeap.keepFreedMemory(), "the answer of the first call stands");
    }

    @Test
    void aFreedBlockIsReusedWithoutFaultingItsPagesInAgain() throws IOException {
        if (!NativeHeap.keepFreedMemory()) {
            throw new IllegalStateException("this test needs glibc and no MALLOC_* or GLIBC_TUNABLES in the environment");
        }
        fillAndFree(); // the first time, the heap grows and its pages fault in
        long before = minorFaults();
        for (int i = 0; i < 4; i++) {
            fillAndFree();
        }
        long faults = minorFaults() - before;
        // with glibc's defaults each round maps the block afresh: about 4 x 10,240 faults
        assertTrue(faults < PAGES / 4, "4 rounds of a 40 MiB block faulted " + faults + " pages in");
    }

    @Test
    void mallocVariablesAndTunablesAreTheUsersConfiguration() {
        assertTrue(NativeHeap.userConfigured(Map.of("GLIBC_TUNABLES", "glibc.malloc.trim_threshold=0")));
        assertTrue(NativeHeap.userConfigured(Map.of("MALLOC_ARENA_MAX", "2")));
        assertTrue(NativeHeap.userConfigured(Map.of("MALLOC_TRIM_THRESHOLD_", "0")));
        assertFalse(NativeHeap.userConfigured(Map.of("PATH", "/usr/bin", "OMP_WAIT_POLICY", "PASSIVE")));
    }

    private static void fillAndFree() {
        long address = Native.malloc(BLOCK);
        try {
            new Pointer(address).setMemory(0, BLOCK, (byte) 1);
        } finally {
            Native.free(address);
        }
    }

    /** This process's minor page faults so far ({@code /proc/self/stat}, field 10). */
    private static long minorFaults() throws IOException {
        String stat = Files.readString(Path.of("/proc/self/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[7]);
    }
}
