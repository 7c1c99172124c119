package dev.autoencoder.backend.djl;

import ai.djl.pytorch.engine.PtNDManager;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * What one Java thread keeps for one backend: the managers of its open scopes (innermost first).
 */
final class ThreadState {
    private final Deque<PtNDManager> scopes = new ArrayDeque<>();

    /** The open scopes of this thread, innermost first. */
    Deque<PtNDManager> scopes() {
        return scopes;
    }
}
