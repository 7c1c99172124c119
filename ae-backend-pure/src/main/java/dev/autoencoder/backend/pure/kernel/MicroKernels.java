package dev.autoencoder.backend.pure.kernel;

import java.util.function.Supplier;

/**
 * Picks the fastest kernels this JVM can run: the Vector API ones when the incubating module
 * {@code jdk.incubator.vector} is in the boot layer ({@code --add-modules jdk.incubator.vector}), else the scalar
 * ones. A vector class is loaded by name only after that check, as Lucene does, so a JVM without the module never
 * links it.
 */
final class MicroKernels {
    private static final String VECTOR_MODULE = "jdk.incubator.vector";
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
        if (ModuleLayer.boot().findModule(VECTOR_MODULE).isEmpty()) {
            return scalar.get();
        }
        try {
            return type.cast(Class.forName(PACKAGE + vectorName).getDeclaredConstructor().newInstance());
        } catch (ReflectiveOperationException | LinkageError e) {
            return scalar.get();
        }
    }
}
