package dev.autoencoder.backend.djl;

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
import java.util.ArrayList;
import java.util.List;

/**
 * Workload W1 {@code mlp-ae} (WORKLOADS.md) trained with plain SGD on the shared tape: Dense 784-512-128-32-128-512-784,
 * ReLU between layers, sigmoid output, BCE. Weights are PyTorch-shaped {@code [out, in]} with PyTorch's default
 * initialisation. Parameters live outside every scope; each step runs in one scope, keeps the updated parameters
 * and releases the old ones.
 */
final class MlpAe {
    static final int[] WIDTHS = {784, 512, 128, 32, 128, 512, 784};

    private final TensorBackend backend;
    private final List<Tensor> params = new ArrayList<>();

    MlpAe(TensorBackend backend, Rng rng) {
        this.backend = backend;
        for (int i = 0; i + 1 < WIDTHS.length; i++) {
            double bound = 1 / Math.sqrt(WIDTHS[i]);
            params.add(rng.uniform(backend, Shape.of(WIDTHS[i + 1], WIDTHS[i]), DType.F32, -bound, bound));
            params.add(rng.uniform(backend, Shape.of(WIDTHS[i + 1]), DType.F32, -bound, bound));
        }
    }

    /** One forward, backward and SGD update on {@code batch [n, 784]}; returns the loss. */
    double step(float[] batch, double learningRate) {
        try (TensorScope scope = backend.newScope()) {
            Tape tape = new Tape(backend);
            List<Var> vars = params.stream().map(tape::variable).toList();
            Var x = tape.constant(backend.fromFloats(batch, Shape.of(batch.length / WIDTHS[0], WIDTHS[0])));
            Var h = x;
            for (int layer = 0; layer < vars.size() / 2; layer++) {
                Var z = h.matmul(vars.get(2 * layer), false, true).add(vars.get(2 * layer + 1));
                h = layer + 1 < vars.size() / 2 ? z.relu() : z.sigmoid();
            }
            Var loss = Functions.bce(h, x).mean();
            Gradients grads = tape.backward(loss);
            Tensor lr = backend.scalar(learningRate, DType.F32);
            for (int i = 0; i < params.size(); i++) {
                Tensor old = params.get(i);
                params.set(i, scope.keep(backend.sub(old, backend.mul(grads.of(vars.get(i)), lr))));
                backend.release(old);
            }
            return backend.toDoubles(loss.value())[0];
        }
    }

    /** A batch of {@code n} random images with pixels uniform in [0, 1). */
    static float[] randomBatch(Rng rng, int n) {
        double[] d = rng.uniform(n * WIDTHS[0], 0, 1);
        float[] f = new float[d.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) d[i];
        }
        return f;
    }
}
