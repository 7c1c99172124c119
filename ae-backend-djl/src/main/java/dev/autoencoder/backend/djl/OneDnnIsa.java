package dev.autoencoder.backend.djl;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Caps the instruction set of the oneDNN inside libtorch at AVX ({@code ONEDNN_MAX_CPU_ISA=AVX}) unless the user set
 * one. On a 2-vCPU AMD EPYC virtual machine (AVX-512, a reported L3 cache of 508 MB), oneDNN 3.7.1's JIT kernels for a
 * convolution's input gradient ({@code jit:avx2}, {@code jit:avx512_core}, {@code backward_data}) returned wrong values:
 * on one thread every call, on two threads about one call in twenty, so that W2 diverged at its first step. Its AVX
 * build of the same step ({@code jit:avx} forward, {@code gemm:jit} input gradient) is right on that machine, and
 * this backend's conformance suite is what shows it. oneDNN reads the variable once, when it first runs, so this must
 * run before libtorch does.
 */
final class OneDnnIsa {
    private static final Logger LOG = LoggerFactory.getLogger(OneDnnIsa.class);
    static final String VARIABLE = "ONEDNN_MAX_CPU_ISA";
    static final String CAP = "AVX";

    private OneDnnIsa() {
    }

    /** The C library's {@code setenv}. */
    interface CLibrary extends Library {
        int setenv(String name, String value, int overwrite);
    }

    /** Sets the cap, unless the user chose an instruction set or this is Windows (no setenv). */
    static void cap() {
        boolean windows = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
        if (windows || System.getenv(VARIABLE) != null) {
            return;
        }
        try {
            Native.loadLibrary("c", CLibrary.class).setenv(VARIABLE, CAP, 0);
        } catch (LinkageError | RuntimeException e) {
            LOG.warn("djl: could not set {}={}: libtorch's convolution gradients may use oneDNN's JIT kernels", VARIABLE, CAP, e);
        }
    }
}
