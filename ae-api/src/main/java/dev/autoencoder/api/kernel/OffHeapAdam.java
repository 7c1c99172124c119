package dev.autoencoder.api.kernel;

import dev.autoencoder.api.AdamCoefficients;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinTask;

/**
 * One F32 Adam step written in place into native memory, in a single pass (read four buffers, write three), split
 * into one slice per thread. It exists because the native updates of ND4J and libtorch make several passes and
 * allocate temporaries: on W1 they cost 4 and 8 ms per step, this pass 1.3-1.4 ms (on the Vector API, see
 * {@code AdamSlice}). Each element is computed as {@link AdamCoefficients} writes it.
 */
public final class OffHeapAdam {
    /** Below this many elements per slice the split costs more than it saves. */
    private static final int MIN_SLICE = 1 << 15;

    private static final AdamSlice SLICE = AdamSlice.best();

    private final int threads;

    /** @param threads how many slices a large step is split into (the backend's compute threads) */
    public OffHeapAdam(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        this.threads = threads;
    }

    /**
     * Writes the new parameter, first and second moments of the first {@code n} floats over {@code p}, {@code m} and
     * {@code v}. The buffers hold floats in native byte order from index 0, and none of them shares memory with another.
     */
    public void step(int n, ByteBuffer p, ByteBuffer g, ByteBuffer m, ByteBuffer v, AdamCoefficients c) {
        ByteBuffer pb = floats(p, n);
        ByteBuffer gb = floats(g, n);
        ByteBuffer mb = floats(m, n);
        ByteBuffer vb = floats(v, n);
        AdamCoefficients.F32 f = c.inF32();
        int slices = Math.max(1, Math.min(threads, n / MIN_SLICE));
        List<ForkJoinTask<?>> others = new ArrayList<>(slices - 1);
        for (int s = 1; s < slices; s++) {
            int from = (int) ((long) n * s / slices);
            int to = (int) ((long) n * (s + 1) / slices);
            others.add(ForkJoinTask.adapt(() -> SLICE.step(pb, gb, mb, vb, f, from, to)).fork());
        }
        SLICE.step(pb, gb, mb, vb, f, 0, n / slices);
        others.forEach(ForkJoinTask::join);
    }

    private static ByteBuffer floats(ByteBuffer b, int n) {
        if (b.capacity() < (long) n * Float.BYTES) {
            throw new IllegalArgumentException("Adam's buffer holds " + b.capacity() + " bytes, not " + n + " floats");
        }
        return b.duplicate().order(ByteOrder.nativeOrder()).position(0);
    }
}
