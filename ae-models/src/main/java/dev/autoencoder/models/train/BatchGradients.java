package dev.autoencoder.models.train;

import dev.autoencoder.api.Tensor;
import dev.autoencoder.api.TensorBackend;
import dev.autoencoder.api.autodiff.Tape;
import dev.autoencoder.api.autodiff.Var;
import dev.autoencoder.api.random.Rng;
import dev.autoencoder.models.family.Loss;
import dev.autoencoder.models.family.Objective;
import dev.autoencoder.models.nn.Forward;
import dev.autoencoder.models.nn.Parameter;
import dev.autoencoder.models.optim.GradientClipping;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The gradient half of a training step, shared by the {@link Trainer} and by distributed training (which computes
 * it per worker and sums before the update): the forward pass on the tape, every loss term checked for finiteness,
 * the backward pass; and, once the gradients of the whole batch are known, the global-norm check and clipping.
 */
public final class BatchGradients {
    private final TensorBackend backend;
    private final TrainConfig config;

    public BatchGradients(TensorBackend backend, TrainConfig config) {
        this.backend = backend;
        this.config = config;
    }

    /**
     * A batch's loss terms and gradients.
     *
     * @param values    every loss term and {@code total}, before any update
     * @param gradients each parameter's gradient of {@code total}, unclipped
     */
    public record Result(Map<String, Double> values, Map<Parameter, Tensor> gradients) {
    }

    /**
     * The loss terms and gradients of {@code model} on one batch, in the caller's scope, noise drawn from {@code noise}.
     *
     * @throws TrainingDivergedException when a loss term is not finite
     */
    public Result of(Objective model, Tensor inputs, Tensor targets, Rng noise, int epoch, int step) {
        Tape tape = new Tape(backend);
        Forward pass = Forward.training(tape, noise, config.klWeight(epoch));
        Loss loss = model.loss(tape.constant(inputs), tape.constant(targets), pass);
        Map<String, Double> values = finiteValues(loss, epoch, step);
        Map<Parameter, Tensor> grads = new IdentityHashMap<>();
        pass.forEachGradient(tape.backward(loss.total()), grads::put);
        return new Result(values, grads);
    }

    /**
     * The gradients of a whole batch, clipped to the configured global norm.
     *
     * @throws TrainingDivergedException when their global norm is not finite
     */
    public Map<Parameter, Tensor> clipped(Map<Parameter, Tensor> grads, int epoch, int step) {
        double norm = GradientClipping.globalNorm(grads);
        if (!Double.isFinite(norm)) {
            throw new TrainingDivergedException("epoch " + (epoch + 1) + ", step " + (step + 1)
                    + ": the gradient norm is " + norm + "; no parameter was changed by this step");
        }
        return config.clipNorm() > 0 ? GradientClipping.clip(grads, norm, config.clipNorm()) : grads;
    }

    private Map<String, Double> finiteValues(Loss loss, int epoch, int step) {
        Map<String, Double> values = new LinkedHashMap<>();
        loss.terms().forEach((name, v) -> values.put(name, scalar(v)));
        values.put("total", scalar(loss.total()));
        values.forEach((term, v) -> {
            if (!Double.isFinite(v)) {
                throw new TrainingDivergedException("epoch " + (epoch + 1) + ", step " + (step + 1) + ": loss term '" + term
                        + "' is " + v + "; no parameter was changed by this step");
            }
        });
        return values;
    }

    private double scalar(Var v) {
        return backend.toDoubles(v.value())[0];
    }
}
