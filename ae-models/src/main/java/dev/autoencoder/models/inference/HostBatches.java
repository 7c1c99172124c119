package dev.autoencoder.models.inference;

import dev.autoencoder.api.DType;
import dev.autoencoder.api.Shape;
import dev.autoencoder.api.Tensor;
import dev.autoencoder.api.TensorBackend;
import dev.autoencoder.api.TensorScope;
import dev.autoencoder.api.autodiff.Tape;
import dev.autoencoder.api.autodiff.Var;
import dev.autoencoder.api.random.Rng;
import dev.autoencoder.data.Samples;
import dev.autoencoder.models.family.Loss;
import dev.autoencoder.models.family.Objective;
import dev.autoencoder.models.nn.Forward;
import java.nio.FloatBuffer;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Host samples run through a model batch by batch, each batch uploaded and computed in its own {@link TensorScope}
 * so that native memory stays flat, with the results gathered into plain row-major arrays. The one batching loop of
 * inference and evaluation: {@link Inference} and the trainer's validation both use it.
 */
public final class HostBatches {
    private final TensorBackend backend;
    private final int batchSize;
    private final DType dtype;

    /**
     * @param batchSize samples per batch, at least 1
     * @param dtype     the dtype the samples are uploaded in
     */
    public HostBatches(TensorBackend backend, int batchSize, DType dtype) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("the batch size must be at least 1, got " + batchSize);
        }
        this.backend = backend;
        this.batchSize = batchSize;
        this.dtype = dtype;
    }

    /** One batch's computation: the batch in, one result row per sample out. */
    @FunctionalInterface
    public interface BatchFunction {
        /** The rows for batch {@code x} (a tape constant), computed in inference {@code pass}. */
        Var apply(Var x, Forward pass);
    }

    /** {@code f} of every batch of {@code x}, rows concatenated in sample order; noise is drawn from {@code rng}. */
    public float[] map(Samples x, BatchFunction f, Rng rng) {
        return map(x, f, rng, null);
    }

    /**
     * As {@link #map(Samples, BatchFunction, Rng)}, written into {@code into} (unless it is null), which must hold
     * exactly the rows of every sample: repeated calls then allocate no result.
     *
     * @throws IllegalArgumentException when {@code into} is not the length of the results (found with the first batch)
     */
    public float[] map(Samples x, BatchFunction f, Rng rng, float[] into) {
        float[] out = null;
        int per = 0;
        for (int from = 0; from < x.size(); from += batchSize) {
            int to = Math.min(x.size(), from + batchSize);
            try (TensorScope scope = backend.newScope()) {
                Tape tape = new Tape(backend);
                Tensor rows = f.apply(tape.constant(upload(x.slice(from, to))), Forward.inference(tape, rng)).value();
                if (out == null) {
                    per = rows.shape().size() / (to - from);
                    out = results(into, Math.multiplyExact(x.size(), per));
                }
                backend.toFloats(rows, FloatBuffer.wrap(out, from * per, rows.shape().size()));
            }
        }
        return out == null ? results(into, 0) : out;
    }

    private static float[] results(float[] into, int length) {
        if (into == null) {
            return new float[length];
        }
        if (into.length != length) {
            throw new IllegalArgumentException("the results are " + length + " floats, but the array for them holds "
                    + into.length);
        }
        return into;
    }

    /**
     * Every term of {@code objective}'s loss (and {@code total}) averaged over the samples, without training:
     * parameters constant, no corruption, any epsilon drawn from {@code rng}.
     */
    public Map<String, Double> meanLosses(Objective objective, Samples inputs, Samples targets, Rng rng) {
        if (inputs.size() != targets.size()) {
            throw new IllegalArgumentException(inputs.size() + " inputs but " + targets.size() + " targets");
        }
        Map<String, Double> sums = new LinkedHashMap<>();
        for (int from = 0; from < inputs.size(); from += batchSize) {
            int to = Math.min(inputs.size(), from + batchSize);
            try (TensorScope scope = backend.newScope()) {
                Tape tape = new Tape(backend);
                Loss loss = objective.loss(tape.constant(upload(inputs.slice(from, to))), tape.constant(upload(targets.slice(from, to))),
                        Forward.inference(tape, rng));
                int n = to - from;
                loss.terms().forEach((term, v) -> sums.merge(term, scalar(v) * n, Double::sum));
                sums.merge("total", scalar(loss.total()) * n, Double::sum);
            }
        }
        sums.replaceAll((term, sum) -> sum / inputs.size());
        return sums;
    }

    /** {@code samples} as one tensor {@code [n, sampleShape...]} of this dtype, in the current scope. */
    public Tensor upload(Samples samples) {
        int[] sampleShape = samples.sampleShape();
        int[] dims = new int[sampleShape.length + 1];
        dims[0] = samples.size();
        System.arraycopy(sampleShape, 0, dims, 1, sampleShape.length);
        Tensor t = backend.fromFloats(samples.featureBuffer(), Shape.of(dims));
        return dtype == DType.F32 ? t : backend.cast(t, dtype);
    }

    private double scalar(Var v) {
        return backend.toDoubles(v.value())[0];
    }
}
