package dev.autoencoder.tests.bench;

import dev.autoencoder.api.DType;
import dev.autoencoder.api.Shape;
import dev.autoencoder.api.Shapes;
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
 * Every W2 convolution layer, F32, forward, input-gradient and weight-gradient at batch 100, through the Tensor
 * SPI on any backend. Each invocation runs in its own scope, so native backends free their results.
 * GFLOP/s = {@link W2ConvLayer#flops} / time.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g", "--add-modules=jdk.incubator.vector"})
public class ConvBenchmark {
    @Param({"pure", "nd4j", "djl"})
    String backend;

    @Param({"1", "2"})
    int threads;

    @Param({"ENC1", "ENC2", "ENC3", "DEC1", "DEC2", "DEC3", "OUT"})
    W2ConvLayer layer;

    private TensorBackend b;
    private Tensor x;
    private Tensor w;
    private Tensor gradOut;

    @Setup(Level.Trial)
    public void setUp() {
        b = Backends.select(backend, new BackendSettings(threads));
        Rng rng = new Rng(1);
        x = rng.uniform(b, layer.input(), DType.F32, -1, 1);
        w = rng.uniform(b, layer.weight(), DType.F32, -0.1, 0.1);
        Shape out = layer.transposed
                ? Shapes.conv2dTranspose(layer.input(), layer.weight(), layer.params, layer.outputPadding, layer.outputPadding)
                : Shapes.conv2d(layer.input(), layer.weight(), layer.params);
        gradOut = rng.uniform(b, out, DType.F32, -1, 1);
    }

    @Benchmark
    public void convForward(Blackhole bh) {
        try (TensorScope scope = b.newScope()) {
            bh.consume(layer.transposed ? b.conv2dTranspose(x, w, layer.params, layer.outputPadding, layer.outputPadding)
                    : b.conv2d(x, w, layer.params));
        }
    }

    /** The gradient with respect to the layer's input (a convolution for a transposed layer). */
    @Benchmark
    public void convInputGrad(Blackhole bh) {
        try (TensorScope scope = b.newScope()) {
            bh.consume(layer.transposed ? b.conv2d(gradOut, w, layer.params)
                    : b.conv2dInputGrad(gradOut, w, layer.input(), layer.params));
        }
    }

    @Benchmark
    public void convWeightGrad(Blackhole bh) {
        try (TensorScope scope = b.newScope()) {
            bh.consume(layer.transposed ? b.conv2dWeightGrad(gradOut, x, layer.weight(), layer.params)
                    : b.conv2dWeightGrad(x, gradOut, layer.weight(), layer.params));
        }
    }
}
