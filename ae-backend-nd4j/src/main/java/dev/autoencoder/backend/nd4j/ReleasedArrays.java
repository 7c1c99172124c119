package dev.autoencoder.backend.nd4j;

import dev.autoencoder.api.Shape;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Arrays of released long-lived tensors, handed out again for the next tensor kept out of every scope with the
 * same type and shape (a parameter replacing the one released the step before). Freeing and allocating them each
 * step instead makes the process grow: libnd4j allocates aligned blocks, and glibc cannot fit a new aligned block
 * into the hole a freed one of the same size leaves. Beyond {@link #CAPACITY_BYTES} released arrays are freed.
 */
final class ReleasedArrays {
    private static final long CAPACITY_BYTES = 256L << 20;

    private final Map<String, ArrayDeque<INDArray>> byShape = new HashMap<>();
    private long bytes;

    /** A c-order array of {@code shape} outside every workspace, contents undefined: a released one if any. */
    synchronized INDArray take(DataType type, Shape shape) {
        ArrayDeque<INDArray> free = byShape.get(key(type, NdArrays.dims(shape)));
        if (free != null && !free.isEmpty()) {
            INDArray a = free.pop();
            bytes -= a.length() * type.width();
            return a;
        }
        try (MemoryWorkspace outside = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            return NdArrays.uninitialized(shape, type);
        }
    }

    /** Takes back a released array that lives outside every workspace and owns its buffer. */
    synchronized void give(INDArray a) {
        long size = a.length() * a.dataType().width();
        if (size == 0) {
            return;
        }
        if (bytes + size > CAPACITY_BYTES) {
            a.close();
            return;
        }
        byShape.computeIfAbsent(key(a.dataType(), a.shape()), k -> new ArrayDeque<>()).push(a);
        bytes += size;
    }

    private static String key(DataType type, long[] dims) {
        return type + Arrays.toString(dims);
    }
}
