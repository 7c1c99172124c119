package dev.autoencoder.backend.nd4j;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.CustomOp;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.api.ops.Op;
import org.nd4j.linalg.api.ops.OpContext;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Runs libnd4j kernels into preallocated outputs. Custom operations (by name) reuse op contexts and descriptors:
 * building and freeing a native context for every call costs more than a small kernel. A context keeps the
 * arguments it was given last (setting none does not clear them), so each thread has one context per operation and
 * argument count, and every call overwrites all of them. Legacy transforms ({@link Op}) need no context.
 */
final class Kernels {
    private static final long[] NO_INTS = {};
    private static final double[] NO_DOUBLES = {};
    private static final boolean[] NO_BOOLS = {};

    private final ThreadLocal<Map<String, OpContext>> contexts = ThreadLocal.withInitial(HashMap::new);
    private final Map<String, CustomOp> ops = new ConcurrentHashMap<>();

    /** Runs custom operation {@code name} on {@code inputs}, writing {@code output}. */
    void run(String name, INDArray output, INDArray... inputs) {
        run(name, new INDArray[] {output}, inputs, NO_INTS, NO_DOUBLES, NO_BOOLS);
    }

    /** Runs custom operation {@code name} with integer arguments, writing {@code output}. */
    void run(String name, INDArray output, long[] ints, INDArray... inputs) {
        run(name, new INDArray[] {output}, inputs, ints, NO_DOUBLES, NO_BOOLS);
    }

    /** Runs custom operation {@code name} with every kind of argument, writing {@code outputs}. */
    void run(String name, INDArray[] outputs, INDArray[] inputs, long[] ints, double[] doubles, boolean[] bools) {
        String signature = name + ':' + inputs.length + ':' + outputs.length + ':' + ints.length + ':' + doubles.length
                + ':' + bools.length;
        OpContext context = contexts.get().computeIfAbsent(signature, k -> Nd4j.getExecutioner().buildContext());
        try {
            context.setInputArrays(inputs);
            context.setOutputArrays(outputs);
            if (ints.length > 0) {
                context.setIArguments(ints);
            }
            if (doubles.length > 0) {
                context.setTArguments(doubles);
            }
            if (bools.length > 0) {
                context.setBArguments(bools);
            }
            Nd4j.exec(ops.computeIfAbsent(name, n -> DynamicCustomOp.builder(n).build()), context);
        } finally {
            // frees the native array handles the context made for this call; they would pile up otherwise
            context.purge();
        }
    }

    /** Runs a legacy transform, reduction or scalar operation. */
    void run(Op op) {
        Nd4j.exec(op);
    }
}
