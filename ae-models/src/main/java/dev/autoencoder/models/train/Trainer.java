package dev.autoencoder.models.train;

import dev.autoencoder.api.Shape;
import dev.autoencoder.api.Tensor;
import dev.autoencoder.api.TensorBackend;
import dev.autoencoder.api.TensorScope;
import dev.autoencoder.api.random.Rng;
import dev.autoencoder.data.Dataset;
import dev.autoencoder.models.inference.HostBatches;
import dev.autoencoder.models.family.Objective;
import dev.autoencoder.models.optim.LrSchedule;
import dev.autoencoder.models.optim.Optimizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Mini-batch training of an {@link Objective}. The split comes from the seed; each epoch's shuffle and noise come
 * from generators derived from (seed, epoch), so a run resumed at an epoch boundary continues exactly as an
 * uninterrupted one. Every step runs in one {@link TensorScope}: native memory stays flat. A non-finite loss term or
 * gradient stops training before the step changes any parameter.
 */
public final class Trainer {
    private static final long SHUFFLE_STREAM = 0x5EEDL;
    private static final long NOISE_STREAM = 0x401CEL;
    private static final long VALIDATION_STREAM = 0x7A1L;

    private final TensorBackend backend;
    private final TrainConfig config;
    private final List<TrainingListener> listeners;
    private final HostBatches batches;
    private final BatchGradients gradients;

    public Trainer(TensorBackend backend, TrainConfig config, List<TrainingListener> listeners) {
        this.backend = backend;
        this.config = config;
        this.listeners = List.copyOf(listeners);
        this.batches = new HostBatches(backend, config.batchSize(), config.dtype());
        this.gradients = new BatchGradients(backend, config);
    }

    /** The generator of one purpose in one epoch. */
    private Rng stream(long purpose, int epoch) {
        return new Rng(config.seed() * 0x9E3779B97F4A7C15L + purpose * 31 + epoch);
    }

    /** Indices of the training and validation samples, fixed by the seed. */
    public Split split(int size) {
        int[] order = new Rng(config.seed()).permutation(size);
        int validation = (int) Math.round(size * config.validationFraction());
        if (size - validation < 1) {
            throw new IllegalArgumentException("no training samples left after holding out " + validation + " of " + size);
        }
        return new Split(Arrays.copyOfRange(order, validation, size), Arrays.copyOfRange(order, 0, validation));
    }

    /**
     * The training and validation indices.
     *
     * @param train      samples trained on
     * @param validation samples held out
     */
    public record Split(int[] train, int[] validation) {
    }

    /** Trains from {@code progress} (use {@link Progress#start()} for a new run) up to the configured epochs. */
    public TrainingResult fit(Objective model, Optimizer optimizer, LrSchedule schedule, TrainingData data, Progress progress) {
        Split split = split(data.size());
        List<EpochMetrics> history = new ArrayList<>();
        Progress at = progress;
        for (int epoch = progress.nextEpoch(); epoch < config.epochs(); epoch++) {
            double lr = schedule.at(epoch);
            long start = System.nanoTime();
            Map<String, Double> train = trainEpoch(model, optimizer, lr, data, split.train(), epoch);
            double seconds = (System.nanoTime() - start) / 1e9;
            requireFiniteParameters(model, epoch);
            Map<String, Double> validation = split.validation().length == 0 ? Map.of()
                    : evaluate(model, data, split.validation(), stream(VALIDATION_STREAM, 0));
            requireFinite(validation, "validation loss term", epoch);
            double monitored = (validation.isEmpty() ? train : validation).get("total");
            boolean improved = at.improvedBy(monitored);
            at = at.after(epoch, monitored);
            EpochMetrics metrics = new EpochMetrics(epoch, train, validation, lr, split.train().length / seconds, improved);
            history.add(metrics);
            listeners.forEach(l -> l.onEpoch(metrics));
            if (config.patience() > 0 && at.epochsWithoutImprovement() >= config.patience()) {
                return new TrainingResult(history, at, true);
            }
        }
        return new TrainingResult(history, at, false);
    }

    private Map<String, Double> trainEpoch(Objective model, Optimizer optimizer, double lr, TrainingData data, int[] indices,
            int epoch) {
        int[] order = permute(indices, stream(SHUFFLE_STREAM, epoch));
        Dataset inputs = inputs(data);
        Dataset targets = targets(data);
        Rng noise = stream(NOISE_STREAM, epoch);
        Averages averages = new Averages();
        int steps = (order.length + config.batchSize() - 1) / config.batchSize();
        long stepStart = System.nanoTime();
        for (int step = 0; step < steps; step++) {
            int from = step * config.batchSize();
            int[] batch = Arrays.copyOfRange(order, from, Math.min(order.length, from + config.batchSize()));
            Map<String, Double> values;
            try (TensorScope scope = backend.newScope()) {
                Tensor x = batches.upload(inputs.select(batch));
                Tensor t = data.targetsAreInputs() ? x : batches.upload(targets.select(batch));
                values = step(model, optimizer, lr, x, t, noise, epoch, step, scope);
            }
            averages.add(values, batch.length);
            double seconds = (System.nanoTime() - stepStart) / 1e9;
            double throughput = (from + batch.length) / seconds;
            int s = step;
            Map<String, Double> terms = Collections.unmodifiableMap(values);
            listeners.forEach(l -> l.onStep(epoch, s, steps, terms, throughput));
        }
        return averages.means();
    }

    /**
     * One optimisation step on a batch, in the caller's {@code scope} (the step's temporaries belong to it; the
     * optimizer keeps the new parameters out of it): forward, every loss term checked for finiteness, backward,
     * gradient norm checked (and clipped), update.
     *
     * @return every loss term and the total, before the update
     */
    public Map<String, Double> step(Objective model, Optimizer optimizer, double lr, Tensor inputs, Tensor targets, Rng noise,
            int epoch, int step, TensorScope scope) {
        BatchGradients.Result batch = gradients.of(model, inputs, targets, noise, epoch, step);
        optimizer.step(gradients.clipped(batch.gradients(), epoch, step), lr, scope);
        return batch.values();
    }

    /** Every loss term averaged over {@code indices}, without training (parameters constant, no corruption). */
    public Map<String, Double> evaluate(Objective model, TrainingData data, int[] indices, Rng noise) {
        return batches.meanLosses(model, inputs(data).select(indices), targets(data).select(indices), noise);
    }

    /**
     * Stops training when an update of the epoch made a parameter non-finite (a huge step overflowed it).
     *
     * @throws TrainingDivergedException naming the parameter
     */
    public void requireFiniteParameters(Objective model, int epoch) {
        try (TensorScope scope = backend.newScope()) {
            model.parameters().forEach((name, p) -> {
                // 0 * x is 0 for every finite x and NaN for NaN and infinities, so the sum is 0 exactly when all are finite
                Tensor zero = backend.zeros(Shape.scalar(), p.value().dtype());
                if (backend.toDoubles(backend.sum(backend.mul(p.value(), zero), false))[0] != 0) {
                    throw new TrainingDivergedException("epoch " + (epoch + 1) + ": parameter '" + name
                            + "' is not finite after the epoch's last update");
                }
            });
        }
    }

    private static void requireFinite(Map<String, Double> values, String what, int epoch) {
        values.forEach((term, v) -> {
            if (!Double.isFinite(v)) {
                throw new TrainingDivergedException("epoch " + (epoch + 1) + ": " + what + " '" + term + "' is " + v);
            }
        });
    }

    private static Dataset inputs(TrainingData data) {
        return Dataset.unlabeled("inputs", data.inputs(), data.sampleShape());
    }

    private static Dataset targets(TrainingData data) {
        return Dataset.unlabeled("targets", data.targets(), data.sampleShape());
    }

    private static int[] permute(int[] indices, Rng rng) {
        int[] p = rng.permutation(indices.length);
        int[] out = new int[indices.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = indices[p[i]];
        }
        return out;
    }

    /** Sample-weighted means of named values. */
    private static final class Averages {
        private final Map<String, Double> sums = new LinkedHashMap<>();
        private long count;

        void add(Map<String, Double> values, int samples) {
            values.forEach((k, v) -> sums.merge(k, v * samples, Double::sum));
            count += samples;
        }

        Map<String, Double> means() {
            Map<String, Double> means = new LinkedHashMap<>();
            sums.forEach((k, v) -> means.put(k, v / count));
            return means;
        }
    }
}
