package dev.autoencoder.backend.nd4j;

import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.memory.conf.WorkspaceConfiguration;
import org.nd4j.linalg.api.memory.enums.AllocationPolicy;
import org.nd4j.linalg.api.memory.enums.LearningPolicy;
import org.nd4j.linalg.api.memory.enums.ResetPolicy;
import org.nd4j.linalg.api.memory.enums.SpillPolicy;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The scopes open on each thread, innermost first. Each scope is one cycle of an ND4J workspace (one per nesting
 * depth and thread): everything ND4J allocates while it is open, results and internal temporaries alike, lands in
 * the workspace and is released together when it closes. The workspace keeps its memory for the next scope of the
 * same depth, so a training loop allocates nothing after its first step.
 */
final class Scopes {
    /** Sized by the first cycle, grown when a later one needs more; spilled allocations are freed at close. */
    private final WorkspaceConfiguration config = WorkspaceConfiguration.builder()
            .initialSize(0)
            .policyLearning(LearningPolicy.FIRST_LOOP)
            .policyAllocation(AllocationPolicy.OVERALLOCATE)
            .overallocationLimit(0.1)
            .policySpill(SpillPolicy.REALLOCATE)
            .policyReset(ResetPolicy.BLOCK_LEFT)
            .build();

    private final ThreadLocal<Nd4jScope> innermost = new ThreadLocal<>();
    private final ReleasedArrays released;
    private final String prefix = "ae-nd4j-" + Integer.toHexString(System.identityHashCode(this)) + "-";

    /** Scopes whose kept tensors reuse {@code released} arrays. */
    Scopes(ReleasedArrays released) {
        this.released = released;
    }

    /** The innermost open scope of the calling thread, or {@code null}. */
    Nd4jScope current() {
        return innermost.get();
    }

    /** Opens a scope nested in the current one. */
    Nd4jScope open(Nd4jBackend backend) {
        Nd4jScope parent = innermost.get();
        int depth = parent == null ? 0 : parent.depth() + 1;
        MemoryWorkspace workspace = Nd4j.getWorkspaceManager().getAndActivateWorkspace(config, prefix + depth);
        Nd4jScope scope = new Nd4jScope(backend, this, released, parent, workspace, depth);
        innermost.set(scope);
        return scope;
    }

    /** Records that {@code scope}, the innermost one, has closed. */
    void closed(Nd4jScope scope) {
        if (scope.parent() == null) {
            innermost.remove();
        } else {
            innermost.set(scope.parent());
        }
    }
}
