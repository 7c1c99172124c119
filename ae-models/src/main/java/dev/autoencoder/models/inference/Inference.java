package dev.autoencoder.models.inference;

import dev.autoencoder.api.DType;
import dev.autoencoder.api.TensorBackend;
import dev.autoencoder.api.random.Rng;
import dev.autoencoder.data.Dataset;
import dev.autoencoder.data.Samples;
import dev.autoencoder.data.catalog.Classes;
import dev.autoencoder.data.stats.Interpolation;
import dev.autoencoder.models.family.AnomalyScore;
import dev.autoencoder.models.family.Autoencoder;
import dev.autoencoder.models.family.Generative;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;

/**
 * A trained model applied to host samples in batches: codes, reconstructions, decodings, draws from the prior,
 * anomaly scores and losses, each as a plain row-major {@code float[]}. Samples must have the model's input shape, or
 * another the model takes (windows of another length for a recurrent model).
 *
 * <p>One instance serves concurrent callers: the model's parameters are only read, every batch runs in its own
 * scope on the calling thread, and every call that draws noise takes its own seed, so eight threads get exactly
 * what one thread gets. Results depend on the batch size only through the order of the noise drawn.
 *
 * <p>A conditional model (cvae) reads each sample's label: samples must be labelled, and its codes, as {@link #decode}
 * takes them, are followed by the one-hot label; {@link #sample(int[], long)} draws samples of given classes and
 * {@link #interpolate} stays within the class of its two samples.
 */
public final class Inference {
    private final Autoencoder model;
    private final HostBatches batches;

    /** Inference with {@code model} (F32 parameters on {@code backend}) in batches of {@code batchSize}. */
    public Inference(TensorBackend backend, Autoencoder model, int batchSize) {
        this.model = model;
        this.batches = new HostBatches(backend, batchSize, DType.F32);
    }

    /** The model. */
    public Autoencoder model() {
        return model;
    }

    /** The code of every sample (a VAE's posterior mean): {@code n x latent} values. */
    public float[] encode(Samples x) {
        return batches.map(checked(x), model::encode, new Rng(0));
    }

    /** {@code decode(encode(x))} of every sample: {@code n x inputSize} values. */
    public float[] reconstruct(Samples x) {
        return batches.map(checked(x), model::reconstruct, new Rng(0));
    }

    /**
     * {@link #reconstruct(Samples)} written into {@code into}, which holds {@code n x inputSize} floats, so that
     * repeated inference allocates no result (a W1 pass over the test set would make 31 MB of garbage).
     *
     * @return {@code into}
     * @throws IllegalArgumentException when {@code into} has another length
     */
    public float[] reconstruct(Samples x, float[] into) {
        return batches.map(checked(x), model::reconstruct, new Rng(0), Objects.requireNonNull(into, "into"));
    }

    /**
     * The decoder's output for row-major codes of the model's latent size (a conditional model's each followed by a
     * one-hot label of its classes): {@code n x inputSize} values.
     */
    public float[] decode(float[] codes) {
        int width = model.spec().latent() + model.spec().classes();
        if (codes.length % width != 0) {
            throw new IllegalArgumentException(codes.length + " values are not whole codes of " + width);
        }
        return batches.map(Dataset.unlabeled("codes", codes, width), model::decode, new Rng(0));
    }

    /**
     * A conditional model's decodings of row-major codes of its latent size, each under its entry of {@code labels}.
     *
     * @throws IllegalArgumentException when the model is not conditional, a label is not one of its classes, or the codes
     *                                  and labels differ in number
     */
    public float[] decode(float[] codes, int[] labels) {
        int latent = model.spec().latent();
        int classes = model.spec().classes();
        if (codes.length != labels.length * latent) {
            throw new IllegalArgumentException(codes.length + " values are not " + labels.length + " codes of " + latent);
        }
        float[] labelled = new float[labels.length * (latent + classes)];
        for (int i = 0; i < labels.length; i++) {
            requireClass(labels[i]);
            System.arraycopy(codes, i * latent, labelled, i * (latent + classes), latent);
            labelled[i * (latent + classes) + latent + labels[i]] = 1;
        }
        return decode(labelled);
    }

    /** {@link #decode(float[], int[])} of every code under class {@code label}. */
    private float[] decodeAs(float[] codes, int label) {
        int[] labels = new int[codes.length / model.spec().latent()];
        Arrays.fill(labels, label);
        return decode(codes, labels);
    }

    /**
     * The decodings of {@code steps} evenly spaced points on the line from the code of {@code from} to the code of
     * {@code to} (each one sample): {@code steps x inputSize} values. A conditional model's two samples must be of one
     * class, which every point is decoded under.
     */
    public float[] interpolate(Samples from, Samples to, int steps) {
        float[] line = Interpolation.linear(encode(from), encode(to), steps);
        if (model.spec().classes() == 0) {
            return decode(line);
        }
        if (from.label(0) != to.label(0)) {
            throw new IllegalArgumentException("a " + model.spec().family().id() + " model interpolates within a class, but the "
                    + "samples are of classes " + from.label(0) + " and " + to.label(0));
        }
        return decodeAs(line, from.label(0));
    }

    /**
     * The decodings of a {@code grid x grid} lattice of codes evenly spaced over {@code [-range, range]^2} of a 2-d
     * latent space, row by row: z0 grows left to right, z1 bottom to top.
     *
     * @throws IllegalArgumentException when the latent space is not 2-d
     */
    public float[] traversal(int grid, double range) {
        return decode(lattice(grid, range));
    }

    /** A conditional model's {@link #traversal(int, double)} under class {@code label}. */
    public float[] traversal(int grid, double range, int label) {
        return decodeAs(lattice(grid, range), label);
    }

    private float[] lattice(int grid, double range) {
        if (model.spec().latent() != 2 || grid < 2 || !(range > 0)) {
            throw new IllegalArgumentException("a traversal needs a 2-d latent space, a grid of at least 2 and a range above 0; got "
                    + model.spec().latent() + "-d, " + grid + " and " + range);
        }
        float[] codes = new float[grid * grid * 2];
        for (int row = 0; row < grid; row++) {
            for (int col = 0; col < grid; col++) {
                int k = 2 * (row * grid + col);
                codes[k] = (float) (-range + 2 * range * col / (grid - 1));
                codes[k + 1] = (float) (range - 2 * range * row / (grid - 1));
            }
        }
        return codes;
    }

    /**
     * {@code n} draws from the model's prior, decoded: {@code n x inputSize} values.
     *
     * @throws IllegalArgumentException when the model has no prior (only variational models do)
     */
    public float[] sample(int n, long seed) {
        Generative generative = generative("sample");
        if (n < 1) {
            throw new IllegalArgumentException("the number of samples must be at least 1, got " + n);
        }
        // one placeholder row per draw, so that draws are batched like samples
        return batches.map(Dataset.unlabeled("draws", new float[n], 1), (rows, pass) -> generative.sample(rows.shape().dim(0), pass),
                new Rng(seed));
    }

    /**
     * A conditional model's draws, one per entry of {@code labels}, each decoded under that class: {@code n x inputSize}
     * values.
     *
     * @throws IllegalArgumentException when the model is not conditional, or a label is not one of its classes
     */
    public float[] sample(int[] labels, long seed) {
        Generative generative = generative("sample");
        int classes = model.spec().classes();
        if (labels.length < 1) {
            throw new IllegalArgumentException("the number of samples must be at least 1, got 0");
        }
        float[] oneHot = new float[labels.length * classes];
        for (int i = 0; i < labels.length; i++) {
            requireClass(labels[i]);
            oneHot[i * classes + labels[i]] = 1;
        }
        return batches.map(Dataset.unlabeled("labels", oneHot, classes), generative::sample, new Rng(seed));
    }

    /**
     * The anomaly score of every sample (higher is more anomalous), as the model computes {@code score}; any
     * Monte-Carlo samples are drawn from {@code seed}.
     *
     * @throws IllegalArgumentException when the model cannot compute {@code score}
     */
    public float[] scores(Samples x, AnomalyScore score, long seed) {
        return batches.map(checked(x), (v, pass) -> model.anomalyScore(v, score, pass), new Rng(seed));
    }

    /**
     * A variational model's importance-sampled negative log-likelihood of every sample, in nats, with {@code k}
     * posterior samples each drawn from {@code seed}.
     */
    public float[] negativeLogLikelihood(Samples x, int k, long seed) {
        Generative generative = generative("estimate a log-likelihood");
        if (k < 1) {
            throw new IllegalArgumentException("the importance-sampled likelihood needs at least 1 sample, got " + k);
        }
        return batches.map(checked(x), (v, pass) -> generative.negativeLogLikelihood(v, k, pass), new Rng(seed));
    }

    /**
     * Every term of the model's training loss (and {@code total}) averaged over the samples as in evaluation:
     * parameters fixed, no corruption, a VAE's epsilon drawn from {@code seed}.
     */
    public Map<String, Double> losses(Samples inputs, Samples targets, long seed) {
        return batches.meanLosses(model, checked(inputs), checked(targets), new Rng(seed));
    }

    private Generative generative(String job) {
        return model.generative().orElseThrow(() -> new IllegalArgumentException("a " + model.spec().family().id()
                + " model has no prior, so it cannot " + job + "; train a vae, conv-vae, cvae or conv-cvae"));
    }

    private void requireClass(int label) {
        int classes = model.spec().classes();
        if (classes == 0) {
            throw new IllegalArgumentException("a " + model.spec().family().id() + " model is not conditioned on classes; train a cvae "
                    + "or conv-cvae");
        }
        if (label < 0 || label >= classes) {
            throw new IllegalArgumentException("class " + label + " is not one of the model's classes 0 to " + (classes - 1));
        }
    }

    private Samples checked(Samples x) {
        if (!model.spec().takes(x.sampleShape())) {
            throw new IllegalArgumentException("the model takes samples of shape " + model.spec().inputShape() + " but '" + x.name()
                    + "' has samples of shape " + Arrays.toString(x.sampleShape()));
        }
        return model.spec().classes() == 0 ? x : Classes.withOneHot(x, model.spec().classes());
    }
}
