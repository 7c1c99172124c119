package dev.autoencoder.models.nn;

import dev.autoencoder.api.Tensor;
import dev.autoencoder.api.TensorScope;
import dev.autoencoder.api.autodiff.Gradients;
import dev.autoencoder.api.autodiff.Tape;
import dev.autoencoder.api.autodiff.Var;
import dev.autoencoder.api.random.Rng;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * One forward pass: the tape it records on, whether it trains (parameters get gradients, dropout and
 * corruption are active), the seeded generator that all noise of the pass is drawn from, and the weight of
 * the KL term (for a VAE's warm-up).
 */
public final class Forward {
    private final Tape tape;
    private final boolean training;
    private final Rng rng;
    private final double klWeight;
    private final Map<Parameter, Var> bound = new IdentityHashMap<>();

    private Forward(Tape tape, boolean training, Rng rng, double klWeight) {
        this.tape = tape;
        this.training = training;
        this.rng = rng;
        this.klWeight = klWeight;
    }

    /** A training pass: parameters are variables of the tape. */
    public static Forward training(Tape tape, Rng rng, double klWeight) {
        return new Forward(tape, true, rng, klWeight);
    }

    /** An inference pass: parameters are constants, dropout and corruption are off. */
    public static Forward inference(Tape tape, Rng rng) {
        return new Forward(tape, false, rng, 1.0);
    }

    public Tape tape() {
        return tape;
    }

    public boolean training() {
        return training;
    }

    /** The generator for this pass's noise (dropout masks, corruption, the VAE's epsilon). */
    public Rng rng() {
        return rng;
    }

    /** The weight of the KL term, below 1 during a VAE's warm-up. */
    public double klWeight() {
        return klWeight;
    }

    /** The parameter on this pass's tape, bound once so that all its uses share one gradient. */
    public Var param(Parameter p) {
        return bound.computeIfAbsent(p, k -> training ? tape.variable(k.value()) : tape.constant(k.value()));
    }

    /**
     * The results of {@code part}, computed in a tensor scope of its own when nothing of it can be recorded for a
     * gradient (an inference pass whose {@code inputs} need none): its intermediates are then released as soon as it
     * returns rather than with the batch, so that a pass holds one part's temporaries at a time (a recurrent layer's
     * step, say). In a training pass, or when an input needs a gradient, {@code part} simply runs.
     */
    public List<Var> released(List<Var> inputs, Supplier<List<Var>> part) {
        if (training || inputs.stream().anyMatch(Var::requiresGrad)) {
            return part.get();
        }
        try (TensorScope scope = tape.backend().newScope()) {
            List<Var> results = part.get();
            List<Var> kept = new ArrayList<>(results.size());
            for (Var r : results) {
                kept.add(tape.constant(scope.keep(r.value())));
            }
            return kept;
        }
    }

    /** Hands each parameter used in this pass its gradient. */
    public void forEachGradient(Gradients gradients, BiConsumer<Parameter, Tensor> sink) {
        bound.forEach((p, v) -> sink.accept(p, gradients.of(v)));
    }
}
