package dev.autoencoder.natives;

import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes glibc's allocator keep the memory that native tensors free, so that the next step reuses it instead of
 * page-faulting fresh memory in. By default glibc maps every block above 128 KiB (after the first, up to 32 MiB)
 * straight from the kernel and gives freed memory back once more than twice that is free: a training or inference
 * loop whose intermediates are such blocks faults each of their pages in again at every step. Where a fault is
 * expensive (on the project's virtual machine, W2 inference on djl took 8.8 million of them in a run and ran at 230-340
 * samples/s), that dominates; with these settings the run took 0.4 million and 2,000-2,300 samples/s.
 *
 * <p>The settings: no mapped blocks ({@code M_MMAP_MAX} 0), no trimming ({@code M_TRIM_THRESHOLD} at its maximum) and the
 * heap grown 64 MiB at a time ({@code M_TOP_PAD}). The peak resident memory stays what the peak of live tensors needs;
 * memory is not given back to the system before the process ends. They are applied once per process, on glibc only,
 * and not where the user configured malloc through its environment ({@code MALLOC_*} or {@code GLIBC_TUNABLES}).
 */
public final class NativeHeap {
    private static final Logger LOG = LoggerFactory.getLogger(NativeHeap.class);
    // mallopt's parameters, from glibc's malloc.h
    private static final int M_TRIM_THRESHOLD = -1;
    private static final int M_TOP_PAD = -2;
    private static final int M_MMAP_MAX = -4;
    private static final int TOP_PAD_BYTES = 64 << 20;

    private static Boolean applied;

    private NativeHeap() {
    }

    /**
     * Applies the settings (once per process).
     *
     * @return whether the allocator now keeps freed memory: false where the user configured malloc, or where the C
     *     library is not glibc
     */
    public static synchronized boolean keepFreedMemory() {
        if (applied == null) {
            applied = !userConfigured(System.getenv()) && apply();
        }
        return applied;
    }

    /** Whether {@code environment} configures glibc's malloc, whose settings then stand. */
    static boolean userConfigured(Map<String, String> environment) {
        return environment.keySet().stream().anyMatch(name -> name.equals("GLIBC_TUNABLES") || name.startsWith("MALLOC_"));
    }

    private static boolean apply() {
        try {
            CLibrary c = CLibrary.load();
            // '&', not '&&': every setting is tried even if one is refused
            boolean set = c.mallopt(M_MMAP_MAX, 0) == 1 & c.mallopt(M_TRIM_THRESHOLD, Integer.MAX_VALUE) == 1
                    & c.mallopt(M_TOP_PAD, TOP_PAD_BYTES) == 1;
            LOG.debug("C allocator keeps freed memory: {}", set);
            return set;
        } catch (LinkageError | RuntimeException e) {
            LOG.debug("no glibc mallopt: the C allocator keeps its defaults", e);
            return false;
        }
    }
}
