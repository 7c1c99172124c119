package dev.autoencoder.backend.djl;

import ai.djl.pytorch.engine.PtNDManager;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * What one Java thread keeps for one backend: the managers of its open scopes (innermost first) and a reusable
 * direct buffer that uploads pass through, so that creating a tensor allocates no direct memory of its own.
 */
final class ThreadState {
    private final Deque<PtNDManager> scopes = new ArrayDeque<>();
    private ByteBuffer staging = ByteBuffer.allocateDirect(0);

    /** The open scopes of this thread, innermost first. */
    Deque<PtNDManager> scopes() {
        return scopes;
    }

    /** A cleared direct buffer in native byte order of at least {@code bytes} bytes, valid until the next call. */
    ByteBuffer staging(int bytes) {
        if (staging.capacity() < bytes) {
            staging = ByteBuffer.allocateDirect(Math.max(bytes, 2 * staging.capacity())).order(ByteOrder.nativeOrder());
        }
        staging.clear();
        return staging;
    }
}
