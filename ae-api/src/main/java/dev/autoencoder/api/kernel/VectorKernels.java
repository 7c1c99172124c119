package dev.autoencoder.api.kernel;

import java.util.function.Supplier;

/**
 * Picks a kernel's Vector API implementation when the incubating module {@code jdk.incubator.vector} is in the boot
 * layer ({@code --add-modules jdk.incubator.vector}), else its scalar one. The vector class is loaded by name only
 * after that check, as Lucene does, so a JVM without the module never links it; a jar that has vector classes works
 * on any JVM.
 */
public final class VectorKernels {
    private static final String VECTOR_MODULE = "jdk.incubator.vector";

    private VectorKernels() {
    }

    /** Whether this JVM has the Vector API module. */
    public static boolean available() {
        return ModuleLayer.boot().findModule(VECTOR_MODULE).isPresent();
    }

    /**
     * A new instance of {@code vectorClass} (a {@code type} with a public or package-visible no-argument constructor)
     * when the module is present and the class links, else {@code scalar}'s.
     */
    public static <T> T best(Class<T> type, String vectorClass, Supplier<T> scalar) {
        if (!available()) {
            return scalar.get();
        }
        try {
            var constructor = Class.forName(vectorClass).getDeclaredConstructor();
            constructor.setAccessible(true);
            return type.cast(constructor.newInstance());
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            return scalar.get();
        }
    }
}
