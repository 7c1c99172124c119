package dev.autoencoder.cli.model;

import dev.autoencoder.api.Shape;
import dev.autoencoder.api.TensorBackend;
import dev.autoencoder.api.TensorScope;
import dev.autoencoder.api.autodiff.Tape;
import dev.autoencoder.api.autodiff.Var;
import dev.autoencoder.api.random.Rng;
import dev.autoencoder.data.Dataset;
import dev.autoencoder.data.Samples;
import dev.autoencoder.models.family.Autoencoder;
import dev.autoencoder.models.family.Loss;
import dev.autoencoder.models.family.VariationalAutoencoder;
import dev.autoencoder.models.nn.Forward;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A trained model applied to many samples in batches, each batch in its own {@link TensorScope} (native memory
 * stays flat), with results gathered into plain row-major arrays. Samples must already have the model's input
 * shape. Randomness (a VAE's epsilon) comes from the generator given to each call.
 */
public final class Inference {
    private final TensorBackend backend;
    private final Autoencoder model;
    private final int batchSize;

    public Inference(TensorBackend backend, Autoencoder model, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("--batch-size must be at least 1, got " + batchSize);
        }
        this.backend = backend;
        this.model = model;
        this.batchSize = batchSize;
    }

    /** One batch's computation: the model's inputs in, one result row per sample out. */
    @FunctionalInterface
    private interface BatchFunction {
        Var apply(Var x, Forward pass);
    }

    /** {@code decode(encode(x))} of every sample: {@code n x inputSize} values. */
    public float[] reconstruct(Samples x) {
        return map(x, model::reconstruct, new Rng(0));
    }

    /** The code of every sample (a VAE's posterior mean): {@code n x latent} values. */
    public float[] encode(Samples x) {
        return map(x, model::encode, new Rng(0));
    }

    /** The decoder's output for codes of the model's latent size, row-major: {@code n x inputSize} values. */
    public float[] decode(float[] codes) {
        return map(Dataset.unlabeled("codes", codes, model.spec().latent()), model::decode, new Rng(0));
    }

    /** {@code n} draws from a VAE's prior, decoded: {@code n x inputSize} values. */
    public float[] sample(VariationalAutoencoder vae, int n, Rng rng) {
        float[] codes = new float[n * vae.spec().latent()];
        for (int i = 0; i < codes.length; i++) {
            codes[i] = (float) rng.nextGaussian();
        }
        return decode(codes);
    }

    /** A VAE's importance-sampled negative log-likelihood of each sample, with {@code k} posterior samples (nats). */
    public float[] negativeLogLikelihood(VariationalAutoencoder vae, Samples x, int k, Rng rng) {
        return map(x, (v, pass) -> vae.negativeLogLikelihood(v, k, pass), rng);
    }

    /** A VAE's Monte-Carlo reconstruction log-probability of each sample, from {@code l} posterior samples. */
    public float[] reconstructionLogProbability(VariationalAutoencoder vae, Samples x, int l, Rng rng) {
        return map(x, (v, pass) -> vae.reconstructionLogProbability(v, l, pass), rng);
    }

    /**
     * Every term of the model's training loss (and {@code total}), averaged over the samples as in evaluation:
     * parameters fixed, no corruption, the VAE's epsilon drawn from {@code rng}.
     */
    public Map<String, Double> losses(Samples inputs, Samples targets, Rng rng) {
        Map<String, Double> sums = new LinkedHashMap<>();
        for (int from = 0; from < inputs.size(); from += batchSize) {
            int to = Math.min(inputs.size(), from + batchSize);
            try (TensorScope scope = backend.newScope()) {
                Tape tape = new Tape(backend);
                Loss loss = model.loss(batch(tape, inputs, from, to), batch(tape, targets, from, to), Forward.inference(tape, rng));
                int n = to - from;
                loss.terms().forEach((term, v) -> sums.merge(term, scalar(v) * n, Double::sum));
                sums.merge("total", scalar(loss.total()) * n, Double::sum);
            }
        }
        sums.replaceAll((term, sum) -> sum / inputs.size());
        return sums;
    }

    private float[] map(Samples x, BatchFunction f, Rng rng) {
        float[] out = null;
        int per = 0;
        for (int from = 0; from < x.size(); from += batchSize) {
            int to = Math.min(x.size(), from + batchSize);
            try (TensorScope scope = backend.newScope()) {
                Tape tape = new Tape(backend);
                float[] result = backend.toFloats(f.apply(batch(tape, x, from, to), Forward.inference(tape, rng)).value());
                if (out == null) {
                    per = result.length / (to - from);
                    out = new float[x.size() * per];
                }
                System.arraycopy(result, 0, out, from * per, result.length);
            }
        }
        return out == null ? new float[0] : out;
    }

    private Var batch(Tape tape, Samples x, int from, int to) {
        Samples part = x.slice(from, to);
        int[] dims = new int[x.sampleShape().length + 1];
        dims[0] = to - from;
        System.arraycopy(x.sampleShape(), 0, dims, 1, dims.length - 1);
        return tape.constant(backend.fromFloats(part.features(), Shape.of(dims)));
    }

    private double scalar(Var v) {
        return backend.toDoubles(v.value())[0];
    }
}
