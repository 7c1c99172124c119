package dev.autoencoder.api.autodiff;

import dev.autoencoder.api.DType;
import dev.autoencoder.api.Shape;
import dev.autoencoder.api.Tensor;
import dev.autoencoder.api.TensorBackend;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * A reverse-mode tape over one backend. Operations on {@link Var}s whose inputs need a gradient are recorded
 * in order; {@link #backward} walks them in reverse and applies each operation's vector-Jacobian rule, written
 * in terms of {@link TensorBackend} primitives, so that no backend implements a gradient. A tape serves one
 * forward/backward pass; it is not thread-safe.
 */
public final class Tape {
    private final TensorBackend backend;
    private final List<Node> nodes = new ArrayList<>();

    /** A tape recording operations of {@code backend}. */
    public Tape(TensorBackend backend) {
        this.backend = backend;
    }

    /** The backend every recorded operation runs on. */
    public TensorBackend backend() {
        return backend;
    }

    /** A value that needs no gradient (data, targets, noise). */
    public Var constant(Tensor value) {
        return new Var(this, value, false);
    }

    /** A rank-0 constant of the given dtype. */
    public Var scalar(double value, DType dtype) {
        return constant(backend.scalar(value, dtype));
    }

    /** A leaf whose gradient {@link #backward} computes (a parameter, or an input under test). */
    public Var variable(Tensor value) {
        return new Var(this, value, true);
    }

    /** Tensors joined along {@code axis}; the gradient of each part is its slice of the output gradient. */
    public Var concat(List<Var> parts, int axis) {
        List<Tensor> values = new ArrayList<>(parts.size());
        parts.forEach(p -> values.add(p.value()));
        Tensor y = backend.concat(values, axis);
        int a = y.shape().axis(axis);
        int[] offsets = new int[parts.size() + 1];
        for (int i = 0; i < parts.size(); i++) {
            offsets[i + 1] = offsets[i] + parts.get(i).shape().dim(a);
        }
        return record(y, (i, g) -> backend.slice(g, a, offsets[i], offsets[i + 1]), parts.toArray(Var[]::new));
    }

    /** {@code cond != 0 ? a : b} with broadcasting; {@code cond} gets no gradient. */
    public Var where(Var cond, Var a, Var b) {
        Tensor y = backend.where(cond.value(), a.value(), b.value());
        return record(y, (i, g) -> {
            Tensor zero = backend.zeros(Shape.scalar(), g.dtype());
            return i == 1 ? Var.sumTo(backend, backend.where(cond.value(), g, zero), a.shape())
                    : Var.sumTo(backend, backend.where(cond.value(), zero, g), b.shape());
        }, cond.detach(), a, b);
    }

    /** Gradients of the sum of {@code output}'s elements with respect to every variable it depends on. */
    public Gradients backward(Var output) {
        return backward(output, backend.full(output.shape(), output.dtype(), 1.0));
    }

    /** Gradients of {@code sum(output * seed)}: the vector-Jacobian product with {@code seed}. */
    public Gradients backward(Var output, Tensor seed) {
        if (output.tape() != this) {
            throw new IllegalArgumentException("backward: the output was recorded on another tape");
        }
        Map<Var, Tensor> grads = new IdentityHashMap<>();
        grads.put(output, seed);
        for (int n = nodes.size() - 1; n >= 0; n--) {
            nodes.get(n).backpropagate(grads, backend);
        }
        return new Gradients(backend, grads);
    }

    /**
     * Wraps the result of an operation and records its rule when some input needs a gradient.
     * {@code rule.grad(i, g)} is called only for inputs {@code i} that need one.
     */
    Var record(Tensor value, VjpRule rule, Var... inputs) {
        for (Var in : inputs) {
            if (in.requiresGrad()) {
                Var out = new Var(this, value, true);
                nodes.add(new SingleNode(out, inputs, rule));
                return out;
            }
        }
        return new Var(this, value, false);
    }

    /**
     * Wraps the results of an operation with several outputs and records its rule when some input needs a gradient.
     * {@code rule.grads} gets the gradient of every output, null where none flowed back, and is called once, when some
     * output has one.
     */
    Var[] recordJoint(Tensor[] values, JointVjpRule rule, Var... inputs) {
        boolean needed = false;
        for (Var in : inputs) {
            needed |= in.requiresGrad();
        }
        Var[] outputs = new Var[values.length];
        for (int k = 0; k < values.length; k++) {
            outputs[k] = new Var(this, values[k], needed);
        }
        if (needed) {
            nodes.add(new JointNode(outputs, inputs, rule));
        }
        return outputs;
    }

    /** The vector-Jacobian product of one operation with respect to its input {@code i}. */
    @FunctionalInterface
    interface VjpRule {
        Tensor grad(int input, Tensor gradOutput);
    }

    /** The vector-Jacobian products of an operation with several outputs, for all its inputs at once. */
    @FunctionalInterface
    interface JointVjpRule {
        Tensor[] grads(Tensor[] gradOutputs);
    }

    /** A recorded operation: it moves the gradients of its outputs in {@code grads} to its inputs. */
    private sealed interface Node permits SingleNode, JointNode {
        void backpropagate(Map<Var, Tensor> grads, TensorBackend backend);

        static void accumulate(Map<Var, Tensor> grads, Var v, Tensor g, TensorBackend backend) {
            grads.merge(v, g, backend::add);
        }
    }

    private record SingleNode(Var output, Var[] inputs, VjpRule rule) implements Node {
        @Override
        public void backpropagate(Map<Var, Tensor> grads, TensorBackend backend) {
            Tensor g = grads.remove(output);
            if (g == null) {
                return;
            }
            for (int i = 0; i < inputs.length; i++) {
                if (inputs[i].requiresGrad()) {
                    Node.accumulate(grads, inputs[i], rule.grad(i, g), backend);
                }
            }
        }
    }

    private record JointNode(Var[] outputs, Var[] inputs, JointVjpRule rule) implements Node {
        @Override
        public void backpropagate(Map<Var, Tensor> grads, TensorBackend backend) {
            Tensor[] g = new Tensor[outputs.length];
            boolean any = false;
            for (int k = 0; k < outputs.length; k++) {
                g[k] = grads.remove(outputs[k]);
                any |= g[k] != null;
            }
            if (!any) {
                return;
            }
            Tensor[] in = rule.grads(g);
            for (int i = 0; i < inputs.length; i++) {
                if (inputs[i].requiresGrad()) {
                    Node.accumulate(grads, inputs[i], in[i], backend);
                }
            }
        }
    }
}
