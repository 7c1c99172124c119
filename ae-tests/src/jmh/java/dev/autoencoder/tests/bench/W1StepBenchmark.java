package dev.autoencoder.tests.bench;

import dev.autoencoder.api.DType;
import dev.autoencoder.api.Shape;
import dev.autoencoder.api.Tensor;
import dev.autoencoder.api.TensorBackend;
import dev.autoencoder.api.TensorScope;
import dev.autoencoder.api.autodiff.Functions;
import dev.autoencoder.api.autodiff.Gradients;
import dev.autoencoder.api.autodiff.Tape;
import dev.autoencoder.api.autodiff.Var;
import dev.autoencoder.api.guice.BackendSettings;
import dev.autoencoder.api.guice.Backends;
import dev.autoencoder.api.random.Rng;
import java.util.ArrayList;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One training step of workload W1 {@code mlp-ae} (WORKLOADS.md: Dense 784-512-128-32-128-512-784, ReLU, sigmoid
 * output, BCE) at batch 100, F32: forward, backward on the shared tape and a plain SGD update, in one scope with the
 * parameters outside it. Sample mode, so JMH reports the median (p0.50); samples/s = 100 / median.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
public class W1StepBenchmark {
    private static final int[] WIDTHS = {784, 512, 128, 32, 128, 512, 784};
    private static final int BATCH = 100;

    @Param({"pure", "djl"})
    String backend;

    @Param({"2"})
    int threads;

    private TensorBackend b;
    private final List<Tensor> params = new ArrayList<>();
    private Tensor batch;
    private Tensor learningRate;

    @Setup(Level.Trial)
    public void setUp() {
        b = Backends.select(backend, new BackendSettings(threads));
        Rng rng = new Rng(1);
        for (int i = 0; i + 1 < WIDTHS.length; i++) {
            double bound = 1 / Math.sqrt(WIDTHS[i]);
            params.add(rng.uniform(b, Shape.of(WIDTHS[i + 1], WIDTHS[i]), DType.F32, -bound, bound));
            params.add(rng.uniform(b, Shape.of(WIDTHS[i + 1]), DType.F32, -bound, bound));
        }
        batch = rng.uniform(b, Shape.of(BATCH, WIDTHS[0]), DType.F32, 0, 1);
        learningRate = b.scalar(0.01, DType.F32);
    }

    @Benchmark
    public double step() {
        try (TensorScope scope = b.newScope()) {
            Tape tape = new Tape(b);
            List<Var> vars = params.stream().map(tape::variable).toList();
            Var x = tape.constant(batch);
            Var h = x;
            int layers = vars.size() / 2;
            for (int layer = 0; layer < layers; layer++) {
                Var z = h.matmul(vars.get(2 * layer), false, true).add(vars.get(2 * layer + 1));
                h = layer + 1 < layers ? z.relu() : z.sigmoid();
            }
            Var loss = Functions.bce(h, x).mean();
            Gradients grads = tape.backward(loss);
            for (int i = 0; i < params.size(); i++) {
                Tensor old = params.get(i);
                params.set(i, scope.keep(b.sub(old, b.mul(grads.of(vars.get(i)), learningRate))));
                b.release(old);
            }
            return b.toDoubles(loss.value())[0];
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        params.forEach(b::release);
        b.release(batch);
        b.release(learningRate);
    }
}
