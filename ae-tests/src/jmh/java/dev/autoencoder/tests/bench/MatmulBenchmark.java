package dev.autoencoder.tests.bench;

import dev.autoencoder.api.DType;
import dev.autoencoder.api.Shape;
import dev.autoencoder.api.Tensor;
import dev.autoencoder.api.TensorBackend;
import dev.autoencoder.api.TensorScope;
import dev.autoencoder.api.guice.BackendSettings;
import dev.autoencoder.api.guice.Backends;
import dev.autoencoder.api.random.Rng;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * F32 matrix products {@code [m,k] x [k,n]} through the Tensor SPI: 1024^3 and the W1 {@code mlp-ae} layer shapes
 * at batch 100. GFLOP/s = 2 m k n / time.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g", "--add-modules=jdk.incubator.vector"})
public class MatmulBenchmark {
    @Param({"pure", "nd4j", "djl"})
    String backend;

    @Param({"1", "2"})
    int threads;

    /** {@code m,k,n}. */
    @Param({"1024,1024,1024", "100,784,512", "100,512,784", "512,100,784"})
    String mkn;

    private TensorBackend b;
    private Tensor left;
    private Tensor right;

    @Setup(Level.Trial)
    public void setUp() {
        String[] d = mkn.split(",");
        int m = Integer.parseInt(d[0]);
        int k = Integer.parseInt(d[1]);
        int n = Integer.parseInt(d[2]);
        b = Backends.select(backend, new BackendSettings(threads));
        Rng rng = new Rng(1);
        left = rng.uniform(b, Shape.of(m, k), DType.F32, -1, 1);
        right = rng.uniform(b, Shape.of(k, n), DType.F32, -1, 1);
    }

    @Benchmark
    public void matmul(Blackhole bh) {
        try (TensorScope scope = b.newScope()) {
            bh.consume(b.matmul(left, right, false, false));
        }
    }
}
