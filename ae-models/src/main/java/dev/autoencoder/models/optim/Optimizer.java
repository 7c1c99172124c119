package dev.autoencoder.models.optim;

import dev.autoencoder.api.Tensor;
import dev.autoencoder.api.TensorScope;
import dev.autoencoder.models.nn.Parameter;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A first-order optimizer over named parameters. Each step computes new parameter values and per-parameter state
 * ("slots") inside the training step's scope, keeps them out of it, and releases the values they replace, so
 * native memory stays flat. The state is exported by name for checkpoints and restored on resume.
 */
public abstract class Optimizer {
    private final Map<String, Parameter> parameters;
    private final Map<Parameter, Map<String, Tensor>> slots = new IdentityHashMap<>();
    private long steps;

    protected Optimizer(Map<String, Parameter> parameters) {
        this.parameters = Map.copyOf(parameters);
    }

    /** Applies one update with learning rate {@code lr} to every parameter that has a gradient. */
    public final void step(Map<Parameter, Tensor> gradients, double lr, TensorScope scope) {
        steps++;
        new LinkedHashMap<>(parameters).values().forEach(p -> {
            Tensor g = gradients.get(p);
            if (g != null) {
                update(p, g, lr, new Slots(p, scope));
            }
        });
    }

    /** Computes the new value of {@code p} from its gradient, reading and writing its slots. */
    protected abstract void update(Parameter p, Tensor g, double lr, Slots slots);

    /** Completed steps (PyTorch's {@code step} count, which bias corrections use). */
    public long steps() {
        return steps;
    }

    /** The state tensors by {@code <parameter>.<slot>}, for checkpoints. */
    public Map<String, Tensor> state() {
        Map<String, Tensor> out = new LinkedHashMap<>();
        parameters.forEach((name, p) -> slots.getOrDefault(p, Map.of()).forEach((slot, t) -> out.put(name + "." + slot, t)));
        return out;
    }

    /**
     * Restores the state written by {@link #state()} and the step count, after checking that it is this optimizer's
     * state for these parameters: every slot of every parameter present once steps were taken, none before, each
     * with its parameter's shape and dtype, and nothing else. The optimizer owns the restored tensors from then on
     * and releases the state they replace.
     *
     * @throws IllegalArgumentException naming the first slot that is missing, unknown or misshapen
     */
    public void restore(Map<String, Tensor> state, long completedSteps) {
        if (completedSteps < 0) {
            throw new IllegalArgumentException("a negative optimizer step count: " + completedSteps);
        }
        Map<Parameter, Map<String, Tensor>> restored = new IdentityHashMap<>();
        state.forEach((key, t) -> {
            int dot = key.lastIndexOf('.');
            Parameter p = dot < 0 ? null : parameters.get(key.substring(0, dot));
            if (p == null) {
                throw new IllegalArgumentException("optimizer state '" + key + "' belongs to no parameter being trained");
            }
            String slot = key.substring(dot + 1);
            if (!slotNames().contains(slot)) {
                throw new IllegalArgumentException("optimizer state '" + key + "' is no slot of this optimizer (its slots: "
                        + slotNames() + ")");
            }
            if (!t.shape().equals(p.shape()) || t.dtype() != p.value().dtype()) {
                throw new IllegalArgumentException("optimizer state '" + key + "' is " + t.shape() + " " + t.dtype()
                        + " but its parameter is " + p.shape() + " " + p.value().dtype());
            }
            restored.computeIfAbsent(p, k -> new LinkedHashMap<>()).put(slot, t);
        });
        new TreeMap<>(parameters).forEach((name, p) -> {
            for (String slot : slotNames()) {
                boolean present = restored.getOrDefault(p, Map.of()).containsKey(slot);
                if (present != completedSteps > 0) {
                    throw new IllegalArgumentException(present ? "optimizer state '" + name + "." + slot
                            + "' is present before any step was taken" : "optimizer state lacks '" + name + "." + slot + "' after "
                            + completedSteps + " steps");
                }
            }
        });
        slots.values().forEach(held -> held.values().forEach(t -> t.backend().release(t)));
        slots.clear();
        slots.putAll(restored);
        this.steps = completedSteps;
    }

    /** The names of the slots every parameter has once this optimizer has taken a step. */
    protected abstract List<String> slotNames();

    /** A parameter's slots during one update. */
    protected final class Slots {
        private final Parameter p;
        private final TensorScope scope;

        Slots(Parameter p, TensorScope scope) {
            this.p = p;
            this.scope = scope;
        }

        /** The slot's tensor, or null before its first write. */
        public Tensor get(String name) {
            return slots.getOrDefault(p, Map.of()).get(name);
        }

        /** Stores a slot's new value beyond the step's scope, releasing the old one unless it was updated in place. */
        public void put(String name, Tensor value) {
            Tensor kept = scope.keep(value);
            releaseReplaced(slots.computeIfAbsent(p, k -> new LinkedHashMap<>()).put(name, kept), kept);
        }

        /** Sets the parameter's new value beyond the step's scope, releasing the old one unless it was updated in place. */
        public void setParameter(Tensor value) {
            Tensor kept = scope.keep(value);
            releaseReplaced(p.set(kept), kept);
        }

        /** Releases {@code old} (if any) unless it is {@code kept} itself, updated in place. */
        private void releaseReplaced(Tensor old, Tensor kept) {
            if (old != null && old != kept) {
                kept.backend().release(old);
            }
        }

        /** The step count, 1 on the first update. */
        public long step() {
            return steps;
        }
    }
}
