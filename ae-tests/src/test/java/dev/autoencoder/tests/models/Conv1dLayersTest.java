package dev.autoencoder.tests.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.autoencoder.api.DType;
import dev.autoencoder.api.Shape;
import dev.autoencoder.api.TensorBackend;
import dev.autoencoder.api.TensorScope;
import dev.autoencoder.api.autodiff.Tape;
import dev.autoencoder.api.autodiff.Var;
import dev.autoencoder.api.guice.BackendSettings;
import dev.autoencoder.api.guice.Backends;
import dev.autoencoder.api.random.Rng;
import dev.autoencoder.models.nn.Conv1d;
import dev.autoencoder.models.nn.ConvTranspose1d;
import dev.autoencoder.models.nn.Forward;
import dev.autoencoder.models.nn.Init;
import dev.autoencoder.models.nn.Layer;
import dev.autoencoder.models.nn.Parameter;
import dev.autoencoder.tests.conformance.Check;
import dev.autoencoder.tests.conformance.Comparison;
import dev.autoencoder.tests.conformance.OpClass;
import dev.autoencoder.tests.conformance.ToleranceTable;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The 1-D layers beyond what the model zoo exercises (stride 2, padding k / 2, odd kernels), on every backend in F64:
 * for strides, paddings, output paddings and even kernels of every kind, {@code Conv1d} and {@code ConvTranspose1d}
 * compute PyTorch's definition written out as sums (cross-correlation over zero-padded steps; each input step scattering
 * its kernel from {@code t * stride - padding}); their parameters have PyTorch's names, layouts and initialisation
 * bounds (fan-in {@code in * k}, and {@code out * k} for the transposed layer); inputs that are no series of the
 * layer's channels are refused naming the shape.
 */
class Conv1dLayersTest {
    private static final Map<String, TensorBackend> BACKENDS = Backends.all(new BackendSettings(2));
    private static final int N = 2;
    private static final int IN = 3;
    private static final int OUT = 4;

    /** A kernel size, stride, padding, output padding and input length. */
    private record Geometry(int kernel, int stride, int padding, int outputPadding, int steps) {
        @Override
        public String toString() {
            return "k" + kernel + " s" + stride + " p" + padding + " op" + outputPadding + " L" + steps;
        }
    }

    private static final List<Geometry> GEOMETRIES = List.of(new Geometry(3, 1, 1, 0, 7), new Geometry(5, 2, 2, 1, 9),
            new Geometry(4, 3, 0, 2, 10), new Geometry(1, 2, 0, 1, 5), new Geometry(2, 1, 1, 0, 3));

    @TestFactory
    Stream<DynamicTest> theConvolutionIsPyTorchsDefinition() {
        return cases((b, g) -> {
            Conv1d conv = new Conv1d(IN, OUT, g.kernel(), g.stride(), g.padding(), init(b));
            double[] x = new Rng(g.steps()).uniform(N * IN * g.steps(), -1, 1);
            double[] w = values(b, conv.weight());
            double[] bias = values(b, conv.bias());
            int length = (g.steps() + 2 * g.padding() - g.kernel()) / g.stride() + 1;
            double[] expected = new double[N * OUT * length];
            for (int n = 0; n < N; n++) {
                for (int o = 0; o < OUT; o++) {
                    for (int t = 0; t < length; t++) {
                        double sum = bias[o];
                        for (int c = 0; c < IN; c++) {
                            for (int j = 0; j < g.kernel(); j++) {
                                int s = t * g.stride() + j - g.padding();
                                sum += s < 0 || s >= g.steps() ? 0 : w[(o * IN + c) * g.kernel() + j] * x[(n * IN + c) * g.steps() + s];
                            }
                        }
                        expected[(n * OUT + o) * length + t] = sum;
                    }
                }
            }
            agrees(b, conv, x, Shape.of(N, IN, g.steps()), Shape.of(N, OUT, length), expected);
        });
    }

    @TestFactory
    Stream<DynamicTest> theTransposedConvolutionIsPyTorchsDefinition() {
        return cases((b, g) -> {
            ConvTranspose1d conv = new ConvTranspose1d(IN, OUT, g.kernel(), g.stride(), g.padding(), g.outputPadding(), init(b));
            double[] x = new Rng(g.steps()).uniform(N * IN * g.steps(), -1, 1);
            double[] w = values(b, conv.weight());
            double[] bias = values(b, conv.bias());
            int length = (g.steps() - 1) * g.stride() - 2 * g.padding() + g.kernel() + g.outputPadding();
            double[] expected = new double[N * OUT * length];
            for (int n = 0; n < N; n++) {
                for (int o = 0; o < OUT; o++) {
                    for (int t = 0; t < length; t++) {
                        expected[(n * OUT + o) * length + t] = bias[o];
                    }
                    for (int c = 0; c < IN; c++) {
                        for (int t = 0; t < g.steps(); t++) {
                            for (int j = 0; j < g.kernel(); j++) {
                                int s = t * g.stride() - g.padding() + j;
                                if (s >= 0 && s < length) {
                                    expected[(n * OUT + o) * length + s] += x[(n * IN + c) * g.steps() + t] * w[(c * OUT + o) * g.kernel() + j];
                                }
                            }
                        }
                    }
                }
            }
            agrees(b, conv, x, Shape.of(N, IN, g.steps()), Shape.of(N, OUT, length), expected);
        });
    }

    @TestFactory
    Stream<DynamicTest> parametersHavePyTorchsNamesLayoutsAndBounds() {
        return BACKENDS.values().stream().map(b -> dynamicTest(b.name(), () -> {
            int kernel = 5;
            Conv1d conv = new Conv1d(IN, OUT, kernel, 2, 2, init(b));
            ConvTranspose1d transposed = new ConvTranspose1d(IN, OUT, kernel, 2, 2, 1, init(b));
            assertEquals(List.of("weight", "bias"), List.copyOf(conv.parameters().keySet()));
            assertEquals(List.of("weight", "bias"), List.copyOf(transposed.parameters().keySet()));
            assertEquals(Shape.of(OUT, IN, kernel), conv.weight().shape());
            assertEquals(Shape.of(IN, OUT, kernel), transposed.weight().shape());
            assertEquals(Shape.of(OUT), conv.bias().shape());
            assertEquals(Shape.of(OUT), transposed.bias().shape());
            double bound = 1 / Math.sqrt(IN * kernel);
            double transposedBound = 1 / Math.sqrt(OUT * kernel);
            assertTrue(largest(b, conv.weight()) > 0.75 * bound && largest(b, transposed.weight()) > 0.75 * transposedBound,
                    "weights fill PyTorch's bounds, not narrower ones");
            assertTrue(largest(b, conv.weight()) <= bound && largest(b, conv.bias()) <= bound, "Conv1d within ±1/sqrt(in k)");
            assertTrue(largest(b, transposed.weight()) <= transposedBound && largest(b, transposed.bias()) <= transposedBound,
                    "ConvTranspose1d within ±1/sqrt(out k)");
        }));
    }

    @TestFactory
    Stream<DynamicTest> inputsThatAreNoSeriesOfTheLayersChannelsAreRefused() {
        return BACKENDS.values().stream().map(b -> dynamicTest(b.name(), () -> {
            try (TensorScope scope = b.newScope()) {
                Tape tape = new Tape(b);
                Forward pass = Forward.inference(tape, new Rng(0));
                Var wrongChannels = tape.constant(b.zeros(Shape.of(N, IN + 1, 8), DType.F64));
                Var image = tape.constant(b.zeros(Shape.of(N, IN, 1, 8), DType.F64));
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                        () -> new Conv1d(IN, OUT, 3, 1, 1, init(b)).forward(wrongChannels, pass));
                assertEquals("a Conv1d of 3 input channels takes [n, 3, steps], got [2, 4, 8]", e.getMessage());
                e = assertThrows(IllegalArgumentException.class,
                        () -> new ConvTranspose1d(IN, OUT, 3, 2, 1, 1, init(b)).forward(image, pass));
                assertEquals("a ConvTranspose1d of 3 input channels takes [n, 3, steps], got [2, 3, 1, 8]", e.getMessage());
            }
        }));
    }

    /** A check of one backend and geometry. */
    private interface GeometryCheck {
        void run(TensorBackend b, Geometry g);
    }

    private static Stream<DynamicTest> cases(GeometryCheck check) {
        return BACKENDS.values().stream().flatMap(b -> GEOMETRIES.stream().map(g -> dynamicTest(b.name() + " " + g, () -> check.run(b, g))));
    }

    private static Init init(TensorBackend b) {
        return new Init(b, DType.F64, new Rng(17));
    }

    private static double[] values(TensorBackend b, Parameter p) {
        return b.toDoubles(p.value());
    }

    /** {@code layer(x)} against the written-out sums, within F64's tolerance for convolutions. */
    private static void agrees(TensorBackend b, Layer layer, double[] x, Shape in, Shape out, double[] expected) {
        try (TensorScope scope = b.newScope()) {
            Tape tape = new Tape(b);
            Var y = layer.forward(tape.constant(b.fromDoubles(x, in)), Forward.inference(tape, new Rng(0)));
            Comparison.assertClose(b.name() + " " + layer.getClass().getSimpleName(), y.shape(), b.toDoubles(y.value()), out, expected,
                    ToleranceTable.defaultTolerance(Check.FORWARD, OpClass.REDUCTION, DType.F64));
        }
    }

    /** The largest magnitude of {@code p}'s values. */
    private static double largest(TensorBackend b, Parameter p) {
        return Arrays.stream(values(b, p)).map(Math::abs).max().orElseThrow();
    }
}
