package dev.autoencoder.models.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * How a benchmark runs.
 *
 * @param data        the dataset ({@code fashion-mnist} or anything {@code --data} takes)
 * @param threads     compute threads of the backend
 * @param epochs      epochs over the whole training set (ignored by a quick run)
 * @param quick       whether to time a fixed number of steps on a slice of the data instead of whole epochs
 * @param quickSteps steps per repeat of a quick run
 * @param warmupSteps first training steps left out of the timing (compilation, allocator and kernel caches)
 * @param repeats     repeats of a quick run and timed inference passes; medians are reported
 * @param seed        seed of initialisation, shuffling and noise
 */
public record BenchSettings(String data, int threads, int epochs, boolean quick, int quickSteps, int warmupSteps,
        int repeats, long seed) {
    /** Samples per training step, as WORKLOADS.md fixes it. */
    public static final int BATCH = 100;
    /** Samples per inference batch, as WORKLOADS.md fixes it. */
    public static final int INFERENCE_BATCH = 500;
    /** Test samples a quick run evaluates and infers on. */
    public static final int QUICK_TEST_SAMPLES = 1000;

    public BenchSettings {
        if (threads < 1 || epochs < 1 || quickSteps < 1 || warmupSteps < 0 || repeats < 1) {
            throw new IllegalArgumentException("--threads, --epochs, --steps and --repeats must be at least 1 and --warmup "
                    + "at least 0; got " + threads + ", " + epochs + ", " + quickSteps + ", " + repeats + " and " + warmupSteps);
        }
    }

    /** These settings as the options of {@code ae bench}, for a run in another process. */
    public List<String> arguments() {
        List<String> args = new ArrayList<>(List.of("--threads", Integer.toString(threads), "--data", data, "--epochs",
                Integer.toString(epochs), "--steps", Integer.toString(quickSteps), "--warmup", Integer.toString(warmupSteps), "--repeats",
                Integer.toString(repeats), "--seed", Long.toString(seed)));
        if (quick) {
            args.add("--quick");
        }
        return args;
    }

    /** Passes over the training data: {@code repeats} passes over a slice of a quick run, else {@code epochs}. */
    public int passes() {
        return quick ? repeats : epochs;
    }
}
