package dev.autoencoder.backend.djl;

import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.engine.PtNDManager;
import dev.autoencoder.api.DType;
import dev.autoencoder.api.Shape;
import java.lang.ref.Cleaner;

/**
 * Who owns each libtorch array. Every open {@link DjlScope} is an {@code NDManager} nested in the one below it on
 * the same thread; below them all is the backend's long-lived manager, which holds parameters and whatever is
 * created or kept outside every scope. Arrays in the long-lived manager are freed by {@code release} or, failing
 * that, once the garbage collector finds their handle unreachable.
 */
final class Scopes {
    private final PtNDManager longLived;
    private final Cleaner cleaner;
    private final ThreadLocal<ThreadState> threads;

    /** Scopes nested in {@code longLived}, the manager of tensors outside every scope. */
    Scopes(PtNDManager longLived) {
        this.longLived = longLived;
        this.cleaner = Cleaner.create();
        this.threads = ThreadLocal.withInitial(ThreadState::new);
    }

    /** The calling thread's state. */
    ThreadState thread() {
        return threads.get();
    }

    /** The manager new arrays of the calling thread belong to: its innermost scope's, else the long-lived one. */
    PtNDManager current() {
        PtNDManager top = thread().scopes().peekFirst();
        return top != null ? top : longLived;
    }

    /** Opens a scope on the calling thread, nested in its innermost one. */
    DjlScope open(DjlBackend backend) {
        ThreadState state = thread();
        PtNDManager manager = (PtNDManager) current().newSubManager();
        state.scopes().addFirst(manager);
        return new DjlScope(backend, this, state, manager);
    }

    /** Wraps a fresh result, moving it into the calling thread's current manager if an operation put it elsewhere. */
    DjlTensor adopt(DjlBackend backend, PtNDArray array, Shape shape, DType dtype) {
        PtNDManager target = current();
        if (array.getManager() != target) {
            array.attach(target);
        }
        DjlTensor t = new DjlTensor(backend, array, shape, dtype);
        if (target == longLived) {
            t.reclaimWith(cleaner);
        }
        return t;
    }

    /** Moves {@code t} out of {@code scope}'s manager (or one nested in it) into the manager below it. */
    void moveOut(DjlTensor t, PtNDManager scope) {
        if (!within(t.array().getManager(), scope)) {
            return;
        }
        NDManager below = scope.getParentManager();
        t.array().attach(below);
        if (below == longLived) {
            t.reclaimWith(cleaner);
        }
    }

    private static boolean within(NDManager m, NDManager scope) {
        for (NDManager at = m; at != null; at = at.getParentManager()) {
            if (at == scope) {
                return true;
            }
        }
        return false;
    }
}
