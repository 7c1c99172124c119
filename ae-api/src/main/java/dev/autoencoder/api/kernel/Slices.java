package dev.autoencoder.api.kernel;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinTask;

/**
 * The plumbing of the kernels over native buffers: a split of {@code [0, n)} into contiguous slices, all but the first
 * run in the common pool and the first on the caller, and a checked native-order view of a buffer of floats.
 */
final class Slices {
    /** The work on one slice {@code [from, to)}. */
    @FunctionalInterface
    interface Slice {
        void run(int from, int to);
    }

    private final int threads;

    /** @param threads the most slices a split makes (the backend's compute threads) */
    Slices(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        this.threads = threads;
    }

    /** Runs {@code slice} over at most {@code threads} slices of at least {@code minSlice} items (one when {@code n} is smaller). */
    void run(int n, int minSlice, Slice slice) {
        int slices = Math.max(1, Math.min(threads, n / minSlice));
        List<ForkJoinTask<?>> others = new ArrayList<>(slices - 1);
        for (int s = 1; s < slices; s++) {
            int from = (int) ((long) n * s / slices);
            int to = (int) ((long) n * (s + 1) / slices);
            others.add(ForkJoinTask.adapt(() -> slice.run(from, to)).fork());
        }
        slice.run(0, n / slices);
        others.forEach(ForkJoinTask::join);
    }

    /** {@code b} in native byte order from index 0, after checking that it holds {@code n} floats ({@code what} names it). */
    static ByteBuffer floats(ByteBuffer b, long n, String what) {
        if (b.capacity() < n * Float.BYTES) {
            throw new IllegalArgumentException(what + " holds " + b.capacity() + " bytes, not " + n + " floats");
        }
        return b.duplicate().order(ByteOrder.nativeOrder()).position(0);
    }
}
