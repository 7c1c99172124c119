package dev.autoencoder.backend.nd4j;

import dev.autoencoder.api.DType;
import dev.autoencoder.api.Shape;
import dev.autoencoder.api.Tensor;
import dev.autoencoder.api.TensorBackend;
import dev.autoencoder.api.TensorScope;
import dev.autoencoder.api.autodiff.Functions;
import dev.autoencoder.api.autodiff.Gradients;
import dev.autoencoder.api.autodiff.Tape;
import dev.autoencoder.api.autodiff.Var;
import dev.autoencoder.api.random.Rng;

/**
 * The W1 {@code mlp-ae} network of WORKLOADS.md (Dense 784-512-128-32-128-512-784, ReLU, sigmoid output, BCE)
 * trained by plain SGD in F32, written on the shared tape. Parameters live outside the step's scope: each step keeps
 * the updated parameters out of its scope and releases the old ones.
 */
final class W1Network {
    private static final int[] WIDTHS = {784, 512, 128, 32, 128, 512, 784};

    private final TensorBackend backend;
    private final Tensor[] weights = new Tensor[WIDTHS.length - 1];
    private final Tensor[] biases = new Tensor[WIDTHS.length - 1];

    /** PyTorch's default initialisation: weights {@code [out, in]} and biases uniform in {@code ±1/sqrt(in)}. */
    W1Network(TensorBackend backend, Rng rng) {
        this.backend = backend;
        for (int i = 0; i < weights.length; i++) {
            double bound = 1 / Math.sqrt(WIDTHS[i]);
            weights[i] = rng.uniform(backend, Shape.of(WIDTHS[i + 1], WIDTHS[i]), DType.F32, -bound, bound);
            biases[i] = rng.uniform(backend, Shape.of(WIDTHS[i + 1]), DType.F32, -bound, bound);
        }
    }

    /** A batch of {@code n} random "images" with pixels in [0, 1]. */
    static Tensor randomBatch(TensorBackend backend, Rng rng, int n) {
        return rng.uniform(backend, Shape.of(n, WIDTHS[0]), DType.F32, 0, 1);
    }

    /** One step of forward, backward and SGD with learning rate {@code lr} on {@code x}; returns the loss. */
    double step(Tensor x, double lr) {
        Tensor[] newWeights = new Tensor[weights.length];
        Tensor[] newBiases = new Tensor[biases.length];
        double loss;
        try (TensorScope scope = backend.newScope()) {
            Tape tape = new Tape(backend);
            Var[] w = new Var[weights.length];
            Var[] b = new Var[biases.length];
            Var h = tape.constant(x);
            for (int i = 0; i < w.length; i++) {
                w[i] = tape.variable(weights[i]);
                b[i] = tape.variable(biases[i]);
                h = h.matmul(w[i], false, true).add(b[i]);
                h = i < w.length - 1 ? h.relu() : h.sigmoid();
            }
            Var objective = Functions.bce(h, tape.constant(x)).mean();
            Gradients g = tape.backward(objective);
            Tensor rate = backend.scalar(lr, DType.F32);
            for (int i = 0; i < w.length; i++) {
                newWeights[i] = scope.keep(backend.sub(weights[i], backend.mul(g.of(w[i]), rate)));
                newBiases[i] = scope.keep(backend.sub(biases[i], backend.mul(g.of(b[i]), rate)));
            }
            loss = backend.toDoubles(objective.value())[0];
        }
        for (int i = 0; i < weights.length; i++) {
            backend.release(weights[i]);
            backend.release(biases[i]);
            weights[i] = newWeights[i];
            biases[i] = newBiases[i];
        }
        return loss;
    }
}
