package dev.autoencoder.api.kernel;

import dev.autoencoder.api.AdamCoefficients;
import java.nio.ByteBuffer;

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

    private final Slices slices;

    /** @param threads how many slices a large step is split into (the backend's compute threads) */
    public OffHeapAdam(int threads) {
        this.slices = new Slices(threads);
    }

    /**
     * Writes the new parameter, first and second moments of the first {@code n} floats over {@code p}, {@code m} and
     * {@code v}. The buffers hold floats in native byte order from index 0, and none of them shares memory with another.
     */
    public void step(int n, ByteBuffer p, ByteBuffer g, ByteBuffer m, ByteBuffer v, AdamCoefficients c) {
        ByteBuffer pb = Slices.floats(p, n, "Adam's parameter");
        ByteBuffer gb = Slices.floats(g, n, "Adam's gradient");
        ByteBuffer mb = Slices.floats(m, n, "Adam's first moment");
        ByteBuffer vb = Slices.floats(v, n, "Adam's second moment");
        AdamCoefficients.F32 f = c.inF32();
        slices.run(n, MIN_SLICE, (from, to) -> SLICE.step(pb, gb, mb, vb, f, from, to));
    }
}
