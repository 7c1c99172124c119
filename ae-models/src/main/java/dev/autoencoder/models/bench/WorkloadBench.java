package dev.autoencoder.models.bench;

import dev.autoencoder.api.DType;
import dev.autoencoder.api.Shape;
import dev.autoencoder.api.TensorBackend;
import dev.autoencoder.api.TensorScope;
import dev.autoencoder.api.profile.OpProfile;
import dev.autoencoder.api.profile.ProfilingBackend;
import dev.autoencoder.api.random.Rng;
import dev.autoencoder.data.Dataset;
import dev.autoencoder.data.Samples;
import dev.autoencoder.data.catalog.DataCatalog;
import dev.autoencoder.data.catalog.DataRequest;
import dev.autoencoder.data.catalog.InputShapes;
import dev.autoencoder.data.catalog.LoadedData;
import dev.autoencoder.models.factory.Models;
import dev.autoencoder.models.factory.Presets;
import dev.autoencoder.models.family.Autoencoder;
import dev.autoencoder.models.inference.Inference;
import dev.autoencoder.models.nn.Init;
import dev.autoencoder.models.optim.Adam;
import dev.autoencoder.models.optim.LrSchedule;
import dev.autoencoder.models.train.Progress;
import dev.autoencoder.models.train.ProgressView;
import dev.autoencoder.models.train.TrainConfig;
import dev.autoencoder.models.train.Trainer;
import dev.autoencoder.models.train.TrainingData;
import dev.autoencoder.models.train.TrainingListener;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One workload timed on one backend, as WORKLOADS.md defines it: the preset model, batch 100, Adam (lr 1e-3), F32,
 * data already in memory ({@link #data}). Training throughput is the median over passes with the warm-up left out; inference is
 * forward only on the test data in batches of 500 (median of the repeats, after untimed passes that compile its
 * paths, as training's warm-up does); the test loss is every term of the objective on the test data after training.
 */
public final class WorkloadBench {
    private static final double LEARNING_RATE = 1e-3;
    /**
     * Untimed inference before the timed passes: at least one pass and this long, so that the JIT has compiled the
     * batch-500 paths (a W1 pass takes 0.15 s; one pass left pure at 55,000 samples/s against 75,000 warm). Every pass
     * writes into the first one's array: a new 31 MB array a pass (W1) went to the old generation, raising the peak
     * memory by 50-80 MB in passes that then faulted its pages in.
     */
    private static final long INFERENCE_WARM_UP_NANOS = 2_000_000_000L;

    private final BenchSettings settings;
    private final ProgressView progressView;

    /**
     * @param settings    how to run
     * @param progressView shows the training's progress (its cost is in the timing)
     */
    public WorkloadBench(BenchSettings settings, ProgressView progressView) {
        this.settings = settings;
        this.progressView = progressView;
    }

    /**
     * What a run measured: the result line, and where the timed training steps spent their time when profiled.
     *
     * @param result  the result
     * @param profile per-primitive time of the timed steps, as a table, when asked for
     */
    public record Outcome(BenchResult result, Optional<String> profile) {
    }

    /**
     * The data {@code workload} runs on, in the model's input shape: the windows of {@link SensorWindows} for a model of
     * windows (W4), else the images of {@code images} ({@code fashion-mnist}, or anything {@code ae bench --data}
     * takes). Only the fitted samples are kept: W2's padded images are not held beside the 28x28 ones.
     *
     * @throws dev.autoencoder.data.DataException when the images cannot be found or read
     */
    public static LoadedData data(Presets workload, String images) {
        LoadedData loaded = workload.spec().windowLayout().isPresent() ? SensorWindows.load()
                : new DataCatalog().load(new DataRequest(images, null, null, null), Optional.empty());
        return new LoadedData(loaded.name(), fit(loaded.train(), workload), fit(loaded.test(), workload), loaded.scaling());
    }

    private static Dataset fit(Dataset samples, Presets workload) {
        return InputShapes.fit(samples, workload.spec().inputShape(), workload.spec().windowLayout(), workload.id());
    }

    /**
     * Runs {@code workload} on {@code backend} with {@code data}, which {@link #data} loaded for it.
     *
     * @param profiled whether to record per-primitive times of the timed training steps (a small overhead per call)
     */
    public Outcome run(Presets workload, TensorBackend backend, LoadedData data, boolean profiled) {
        Dataset train = data.train();
        Dataset test = data.test();
        int trainSamples = settings.quick() ? Math.min(train.size(), settings.quickSteps() * BenchSettings.BATCH) : train.size();
        Samples testPart = settings.quick() ? test.slice(0, Math.min(test.size(), BenchSettings.QUICK_TEST_SAMPLES)) : test.all();
        int stepsPerPass = (trainSamples + BenchSettings.BATCH - 1) / BenchSettings.BATCH;
        if (settings.warmupSteps() >= stepsPerPass * settings.passes()) {
            throw new IllegalArgumentException("--warmup " + settings.warmupSteps() + " leaves no step to time: a run has "
                    + stepsPerPass * settings.passes() + " steps");
        }

        OpProfile profile = new OpProfile();
        TensorBackend trainOn = profiled ? new ProfilingBackend(backend, profile) : backend;
        Autoencoder model = Models.build(workload.spec(), new Init(trainOn, DType.F32, new Rng(settings.seed())));
        StepClock clock = new StepClock(settings.warmupSteps(), trainSamples, BenchSettings.BATCH, profile::reset);
        TrainingListener progress = progressView.show(workload.id() + " on " + backend.name(), settings.passes(), trainSamples,
                BenchSettings.BATCH);
        Trainer trainer = new Trainer(trainOn, config(settings.passes()), List.of(clock, progress));
        float[] samples = trainSamples == train.size() ? train.data()
                : Arrays.copyOf(train.data(), trainSamples * train.sampleSize());
        TrainingData trainingData = TrainingData.autoencoding(samples, train.sampleShape());
        clock.start();
        trainer.fit(model, Adam.adam(model.parameters(), 0), LrSchedule.constant(LEARNING_RATE), trainingData, Progress.start());
        Optional<String> stepProfile = profiled ? Optional.of(ProfileTable.render(workload.id() + " on " + backend.name(),
                profile, clock.timedSteps(), clock.meanStepMillis())) : Optional.empty();

        Inference inference = new Inference(trainOn, model, BenchSettings.INFERENCE_BATCH);
        double inferSamplesPerSecond = inferenceThroughput(inference, testPart);
        double testLoss = inference.losses(testPart, testPart, settings.seed()).get("total");
        double mflopPerSample = trainingFlopsPerSample(workload, backend, train) / 1e6;
        double trainSamplesPerSecond = clock.medianSamplesPerSecond();

        BenchResult result = new BenchResult(workload.id(), backend.name(), backend.capabilities().threads(),
                round(trainSamplesPerSecond, 1), round(inferSamplesPerSecond, 1),
                round(mflopPerSample * trainSamplesPerSecond / 1000, 2),
                peakRssMb(),
                testLoss, round(settings.passes() * (double) trainSamples / train.size(), 4), round(mflopPerSample, 4),
                clock.timedSteps(), settings.quick());
        return new Outcome(result, stepProfile);
    }

    private TrainConfig config(int epochs) {
        return new TrainConfig(epochs, BenchSettings.BATCH, settings.seed(), 0, 0, 0, 0, DType.F32);
    }

    private double inferenceThroughput(Inference inference, Samples test) {
        long warmUntil = System.nanoTime() + INFERENCE_WARM_UP_NANOS;
        float[] reconstructions = inference.reconstruct(test);
        while (System.nanoTime() < warmUntil) {
            inference.reconstruct(test, reconstructions);
        }
        double[] rates = new double[settings.repeats()];
        for (int r = 0; r < rates.length; r++) {
            long start = System.nanoTime();
            inference.reconstruct(test, reconstructions);
            rates[r] = test.size() / ((System.nanoTime() - start) / 1e9);
        }
        return Medians.of(rates);
    }

    /**
     * FLOPs of one training step per sample, counted by running one step of a fresh copy of the model on the
     * profiling backend: forward, backward and update, with products and convolutions counted as {@link
     * dev.autoencoder.api.profile.Flops} says.
     */
    private double trainingFlopsPerSample(Presets workload, TensorBackend backend, Dataset train) {
        OpProfile profile = new OpProfile();
        ProfilingBackend counting = new ProfilingBackend(backend, profile);
        Autoencoder model = Models.build(workload.spec(), new Init(counting, DType.F32, new Rng(settings.seed())));
        Trainer trainer = new Trainer(counting, config(1), List.of());
        int n = Math.min(train.size(), BenchSettings.BATCH);
        int[] dims = new int[train.sampleShape().length + 1];
        dims[0] = n;
        System.arraycopy(train.sampleShape(), 0, dims, 1, dims.length - 1);
        try (TensorScope scope = counting.newScope()) {
            var batch = counting.fromFloats(Arrays.copyOf(train.data(), n * train.sampleSize()), Shape.of(dims));
            trainer.step(model, Adam.adam(model.parameters(), 0), LEARNING_RATE, batch, batch, new Rng(settings.seed()), 0, 0,
                    scope);
        }
        return profile.totalFlops() / (double) n;
    }

    /** The peak RSS so far in MiB, rounded, or null where the system does not report it. */
    private static Double peakRssMb() {
        OptionalDouble rss = PeakRss.mebibytes();
        return rss.isPresent() ? round(rss.getAsDouble(), 1) : null;
    }

    private static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }
}
