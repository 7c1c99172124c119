package dev.autoencoder.backend.pure.kernel;

/**
 * Picks the fastest micro-kernel this JVM can run: the Vector API one when the incubating module
 * {@code jdk.incubator.vector} is in the boot layer ({@code --add-modules jdk.incubator.vector}), else the scalar
 * one. The vector class is loaded by name only after that check, as Lucene does, so a JVM without the module never
 * links it.
 */
final class MicroKernels {
    private static final String VECTOR_MODULE = "jdk.incubator.vector";
    private static final String VECTOR_KERNEL = "dev.autoencoder.backend.pure.kernel.VectorMicroKernel";

    private MicroKernels() {
    }

    /** The Vector API kernel when the module is present, else the scalar kernel. */
    static MicroKernel best() {
        if (ModuleLayer.boot().findModule(VECTOR_MODULE).isEmpty()) {
            return scalar();
        }
        try {
            return (MicroKernel) Class.forName(VECTOR_KERNEL).getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError e) {
            return scalar();
        }
    }

    /** The plain-Java kernel. */
    static MicroKernel scalar() {
        return new ScalarMicroKernel();
    }
}
