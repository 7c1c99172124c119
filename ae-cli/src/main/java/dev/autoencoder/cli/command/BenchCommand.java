package dev.autoencoder.cli.command;

import dev.autoencoder.api.TensorBackend;
import dev.autoencoder.api.discovery.BackendCandidate;
import dev.autoencoder.api.guice.BackendSettings;
import dev.autoencoder.api.guice.Backends;
import dev.autoencoder.api.guice.BackendsModule;
import dev.autoencoder.cli.option.VerboseOption;
import dev.autoencoder.data.catalog.DataRequest;
import dev.autoencoder.data.catalog.LoadedData;
import dev.autoencoder.models.bench.BenchHeap;
import dev.autoencoder.models.bench.BenchSettings;
import dev.autoencoder.models.bench.ChildJvm;
import dev.autoencoder.models.bench.WorkloadBench;
import dev.autoencoder.models.factory.Presets;
import dev.autoencoder.models.train.ConsoleProgress;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ae bench}: the workloads of WORKLOADS.md on each selected backend, one JSON line per (workload, backend)
 * on stdout. Each pair runs in a JVM of its own unless {@code --no-fork}.
 */
@Command(name = "bench", header = "Time the benchmark workloads on each backend; one JSON line per run.",
        mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Train W1 mlp-ae, W2 conv-ae and W3 conv-vae on Fashion-MNIST and W4 lstm-ae on windows of a generated "
                + "sensor series (docs: WORKLOADS.md) with batch 100 and Adam, then infer on the test data in batches of 500, "
                + "and print one JSON line per workload and backend: training and inference samples/s (medians, warm-up "
                + "excluded), GFLOP/s, peak RSS, threads and the test loss after training.",
            "FLOPs are those of the matrix products and convolutions of one training step (forward, backward), two per "
                + "multiply-add, counted by running a step on the profiling backend (an LSTM's gate products are products); "
                + "elementwise work is not counted."})
public final class BenchCommand implements Callable<Integer> {
    /** The class whose {@code main} runs {@code ae}, started again for each forked run. */
    public static final String MAIN_CLASS = "dev.autoencoder.cli.Main";

    @Spec
    private CommandSpec spec;

    @Option(names = "--workload", paramLabel = "NAME", split = ",", defaultValue = "mlp-ae,conv-ae,conv-vae,lstm-ae",
            description = "Workloads to run, comma-separated. Default: ${DEFAULT-VALUE}.")
    private List<String> workloads;

    @Option(names = "--backend", paramLabel = "NAME", split = ",",
            description = "Backends to run on, comma-separated. Default: every available backend (see 'ae backends').")
    private List<String> backends;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "2",
            description = "Compute threads of each backend. Default: ${DEFAULT-VALUE}, as WORKLOADS.md fixes it.")
    private int threads;

    @Option(names = "--data", paramLabel = "SOURCE", defaultValue = DataRequest.FASHION_MNIST,
            description = "The images of W1-W3: fashion-mnist, mnist, or a folder of MNIST-like IDX files. Default: "
                    + "${DEFAULT-VALUE}.")
    private String data;

    @Option(names = "--epochs", paramLabel = "N", defaultValue = "1",
            description = "Epochs over the whole training set; throughput is the median over epochs. Default: ${DEFAULT-VALUE}.")
    private int epochs;

    @Option(names = "--quick", description = "A fast look: --repeats passes of --steps steps each, on the first "
            + "samples of the training set, and the first 1000 test samples.")
    private boolean quick;

    @Option(names = "--steps", paramLabel = "N", defaultValue = "30",
            description = "Steps per repeat of a quick run. Default: ${DEFAULT-VALUE}.")
    private int steps;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "10",
            description = "First training steps left out of the timing. Default: ${DEFAULT-VALUE}.")
    private int warmup;

    @Option(names = "--repeats", paramLabel = "N", defaultValue = "3",
            description = "Passes of a quick run, and timed inference passes. Default: ${DEFAULT-VALUE}.")
    private int repeats;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "Seed. Default: ${DEFAULT-VALUE}.")
    private long seed;

    @Option(names = "--profile", description = "Also print, on stderr, where the timed training steps spent their time: "
            + "calls, milliseconds and GFLOP/s of each primitive per step.")
    private boolean profile;

    @Option(names = "--no-fork", description = "Run in this JVM instead of one JVM per run (peak_rss_mb is then this "
            + "process's peak so far).")
    private boolean noFork;

    @Mixin
    private VerboseOption verbose;

    @Override
    public Integer call() {
        BenchSettings settings = new BenchSettings(data, threads, epochs, quick, steps, warmup, repeats, seed);
        List<Presets> presets = workloads.stream().map(Presets::of).toList();
        List<String> names = backendNames();
        PrintWriter out = spec.commandLine().getOut();
        for (Presets workload : presets) {
            LoadedData loaded = noFork ? WorkloadBench.data(workload, data) : null;
            for (String name : names) {
                int code = noFork ? runHere(workload, Backends.select(name, new BackendSettings(threads)), loaded, settings, out)
                        : ChildJvm.run(MAIN_CLASS, BenchHeap.options(ChildJvm.inheritedOptions()),
                                childArguments(workload, name, settings), out, spec.commandLine().getErr());
                if (code != 0) {
                    return code;
                }
            }
        }
        return 0;
    }

    /** Runs {@code workload} on {@code backend} in this JVM; returns the exit code, 0. */
    private int runHere(Presets workload, TensorBackend backend, LoadedData loaded, BenchSettings settings, PrintWriter out) {
        PrintWriter err = spec.commandLine().getErr();
        WorkloadBench.Outcome outcome = new WorkloadBench(settings, ConsoleProgress.view(err, System.console() != null)).run(workload, backend, loaded,
                profile);
        outcome.profile().ifPresent(err::print);
        err.flush();
        out.println(outcome.result().toJson());
        out.flush();
        return 0;
    }

    /** The requested backends, checked against those available, else every available one. */
    private List<String> backendNames() {
        List<String> available = BackendsModule.candidates(BackendsModule.discoverModules()).stream()
                .filter(BackendCandidate::available).map(BackendCandidate::name).toList();
        if (backends == null) {
            if (available.isEmpty()) {
                throw new IllegalArgumentException("no backend is available on the classpath");
            }
            return available;
        }
        for (String name : backends) {
            if (!available.contains(name)) {
                throw new IllegalArgumentException("backend '" + name + "' is not available; available: "
                        + String.join(", ", available));
            }
        }
        return backends;
    }

    private List<String> childArguments(Presets workload, String backend, BenchSettings settings) {
        List<String> args = new ArrayList<>(List.of("bench", "--no-fork", "--workload", workload.id(), "--backend", backend));
        args.addAll(settings.arguments());
        boolean verbose = spec.commandLine().getParseResult().hasMatchedOption("--verbose");
        Stream.of(profile ? "--profile" : null, verbose ? "--verbose" : null).filter(Objects::nonNull).forEach(args::add);
        return args;
    }
}
