package dev.autoencoder.tests.bench;

import dev.autoencoder.api.DType;
import dev.autoencoder.api.Shape;
import dev.autoencoder.api.Tensor;
import dev.autoencoder.api.TensorBackend;
import dev.autoencoder.api.TensorScope;
import dev.autoencoder.api.guice.BackendSettings;
import dev.autoencoder.api.guice.Backends;
import dev.autoencoder.api.random.Rng;
import dev.autoencoder.models.factory.Models;
import dev.autoencoder.models.factory.Presets;
import dev.autoencoder.models.family.Autoencoder;
import dev.autoencoder.models.nn.Init;
import dev.autoencoder.models.optim.Adam;
import dev.autoencoder.models.train.TrainConfig;
import dev.autoencoder.models.train.Trainer;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One training step of each workload of WORKLOADS.md (the preset model, batch 100, F32, Adam 1e-3): forward, tape
 * backward, finiteness checks and the update, exactly as the trainer runs it. Sample mode, so JMH reports the
 * median (p0.50); samples/s = 100 / median.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g", "--add-modules=jdk.incubator.vector"})
public class TrainingStepBenchmark {
    @Param({"pure", "nd4j", "djl"})
    String backend;

    @Param({"2"})
    int threads;

    @Param({"mlp-ae", "conv-ae", "conv-vae", "lstm-ae"})
    String workload;

    private TensorBackend b;
    private Autoencoder model;
    private Adam adam;
    private Trainer trainer;
    private Tensor batch;
    private Rng noise;

    @Setup(Level.Trial)
    public void setUp() {
        b = Backends.select(backend, new BackendSettings(threads));
        Presets preset = Presets.of(workload);
        model = Models.build(preset.spec(), new Init(b, DType.F32, new Rng(1)));
        adam = Adam.adam(model.parameters(), 0);
        trainer = new Trainer(b, TrainConfig.of(1, 100, 1), List.of());
        int[] dims = new int[preset.spec().inputShape().size() + 1];
        dims[0] = 100;
        for (int i = 1; i < dims.length; i++) {
            dims[i] = preset.spec().inputShape().get(i - 1);
        }
        batch = new Rng(2).uniform(b, Shape.of(dims), DType.F32, 0, 1);
        noise = new Rng(3);
    }

    @Benchmark
    public double step() {
        try (TensorScope scope = b.newScope()) {
            return trainer.step(model, adam, 1e-3, batch, batch, noise, 0, 0, scope).get("total");
        }
    }
}
