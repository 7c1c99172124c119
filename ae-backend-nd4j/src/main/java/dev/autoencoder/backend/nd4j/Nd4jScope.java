package dev.autoencoder.backend.nd4j;

import dev.autoencoder.api.Shapes;
import dev.autoencoder.api.Tensor;
import dev.autoencoder.api.TensorScope;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One open cycle of an ND4J workspace. {@link #keep} copies a tensor into the enclosing scope's workspace (or out of
 * every workspace, into a released array of its shape when there is one), because this workspace's memory is reused
 * as soon as the scope closes. Scopes close innermost
 * first, on the thread that opened them.
 */
final class Nd4jScope implements TensorScope {
    private final Nd4jBackend backend;
    private final Scopes scopes;
    private final ReleasedArrays released;
    private final Nd4jScope parent;
    private final MemoryWorkspace workspace;
    private final int depth;
    private boolean closed;

    Nd4jScope(Nd4jBackend backend, Scopes scopes, ReleasedArrays released, Nd4jScope parent, MemoryWorkspace workspace,
            int depth) {
        this.backend = backend;
        this.scopes = scopes;
        this.released = released;
        this.parent = parent;
        this.workspace = workspace;
        this.depth = depth;
    }

    Nd4jScope parent() {
        return parent;
    }

    int depth() {
        return depth;
    }

    boolean isClosed() {
        return closed;
    }

    @Override
    public Tensor keep(Tensor t) {
        Shapes.operands(backend, "keep", t);
        if (closed) {
            throw new IllegalStateException("keep: the scope is closed");
        }
        Nd4jTensor tensor = (Nd4jTensor) t;
        if (!tensor.releasedWith(this)) {
            return t;
        }
        INDArray copy;
        if (t.shape().size() == 0) {
            copy = tensor.array(); // holds no memory and lives outside workspaces (see NdArrays)
        } else if (parent == null) {
            copy = released.take(NdArrays.dataType(t.dtype()), t.shape()).assign(tensor.array());
        } else {
            try (MemoryWorkspace target = parent.workspace.notifyScopeBorrowed()) {
                copy = tensor.array().dup('c');
            }
        }
        return new Nd4jTensor(backend, t.shape(), t.dtype(), copy, parent);
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        if (scopes.current() != this) {
            throw new IllegalStateException("scopes close innermost first, on the thread that opened them");
        }
        closed = true;
        workspace.close();
        scopes.closed(this);
    }
}
