package dev.autoencoder.backend.djl;

import ai.djl.pytorch.engine.PtNDArray;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Optional;

/**
 * Whether libtorch stores a tensor contiguously, so that {@link PtNDArray#toByteBuffer(boolean)} returns its own memory
 * rather than a copy. DJL keeps libtorch's {@code is_contiguous} in a package-private class; it is looked up once, and
 * where the JVM refuses the lookup every tensor counts as not contiguous, which only costs speed.
 */
final class Contiguity {
    private static final Optional<MethodHandle> IS_CONTIGUOUS = lookup();

    private Contiguity() {
    }

    /** True when every array is known to be contiguous. */
    static boolean all(PtNDArray... arrays) {
        if (IS_CONTIGUOUS.isEmpty()) {
            return false;
        }
        try {
            for (PtNDArray array : arrays) {
                if (!(boolean) IS_CONTIGUOUS.get().invoke(array.getHandle().longValue())) {
                    return false;
                }
            }
            return true;
        } catch (Throwable e) {
            throw new IllegalStateException("libtorch's is_contiguous failed", e);
        }
    }

    private static Optional<MethodHandle> lookup() {
        try {
            Class<?> library = Class.forName("ai.djl.pytorch.jni.PyTorchLibrary");
            var field = library.getDeclaredField("LIB");
            field.setAccessible(true);
            var method = library.getDeclaredMethod("torchIsContiguous", long.class);
            method.setAccessible(true);
            MethodHandle handle = MethodHandles.lookup().unreflect(method).bindTo(field.get(null));
            return Optional.of(handle.asType(MethodType.methodType(boolean.class, long.class)));
        } catch (ReflectiveOperationException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
