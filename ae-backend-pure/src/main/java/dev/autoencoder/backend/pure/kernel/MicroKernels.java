package dev.autoencoder.backend.pure.kernel;

import dev.autoencoder.api.kernel.VectorKernels;
import java.util.function.Supplier;

/** Picks the fastest kernels of this package that this JVM can run ({@link VectorKernels}). */
final class MicroKernels {
    private static final String PACKAGE = "dev.autoencoder.backend.pure.kernel.";

    private MicroKernels() {
    }

    /** The Vector API product kernel when the module is present, else the scalar kernel. */
    static MicroKernel best() {
        return best(MicroKernel.class, "VectorMicroKernel", MicroKernels::scalar);
    }

    /** The plain-Java product kernel. */
    static MicroKernel scalar() {
        return new ScalarMicroKernel();
    }

    /** A new instance of the vector class {@code vectorName} of this package when the module is present, else {@code scalar}'s. */
    static <T> T best(Class<T> type, String vectorName, Supplier<T> scalar) {
        return VectorKernels.best(type, PACKAGE + vectorName, scalar);
    }
}
