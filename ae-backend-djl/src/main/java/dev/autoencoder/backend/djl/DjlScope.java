package dev.autoencoder.backend.djl;

import ai.djl.pytorch.engine.PtNDManager;
import dev.autoencoder.api.Shapes;
import dev.autoencoder.api.Tensor;
import dev.autoencoder.api.TensorScope;

/**
 * A {@link TensorScope} of the DJL backend: one DJL sub-manager, whose arrays (and those of scopes nested in it)
 * are freed when it closes.
 */
final class DjlScope implements TensorScope {
    private final DjlBackend backend;
    private final Scopes scopes;
    private final ThreadState owner;
    private final PtNDManager manager;

    DjlScope(DjlBackend backend, Scopes scopes, ThreadState owner, PtNDManager manager) {
        this.backend = backend;
        this.scopes = scopes;
        this.owner = owner;
        this.manager = manager;
    }

    /** Moves {@code t} to the enclosing scope (or out of every scope) if it belongs to this one; same handle. */
    @Override
    public Tensor keep(Tensor t) {
        Shapes.operands(backend, "keep", t);
        scopes.moveOut((DjlTensor) t, manager);
        return t;
    }

    @Override
    public void close() {
        owner.scopes().remove(manager);
        manager.close();
    }
}
