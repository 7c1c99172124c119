package dev.autoencoder.backend.nd4j;

import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The intermediate arrays of one composite operation. Inside a scope they live in its workspace and go with it;
 * outside scopes they are freed when the operation ends rather than whenever the garbage collector runs.
 */
final class Temporaries implements AutoCloseable {
    private final List<INDArray> arrays = new ArrayList<>();

    /** Registers {@code a} as temporary and returns it. */
    INDArray add(INDArray a) {
        arrays.add(a);
        return a;
    }

    @Override
    public void close() {
        for (INDArray a : arrays) {
            if (!a.isAttached() && a.closeable() && !a.wasClosed()) {
                a.close();
            }
        }
    }
}
