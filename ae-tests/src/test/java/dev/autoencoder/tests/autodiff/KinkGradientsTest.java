package dev.autoencoder.tests.autodiff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.autoencoder.api.DType;
import dev.autoencoder.api.Shape;
import dev.autoencoder.api.TensorBackend;
import dev.autoencoder.api.TensorScope;
import dev.autoencoder.api.autodiff.Functions;
import dev.autoencoder.api.autodiff.Tape;
import dev.autoencoder.api.autodiff.Var;
import dev.autoencoder.api.guice.BackendSettings;
import dev.autoencoder.api.guice.Backends;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Gradients at the kinks, where a composite's pieces meet, are PyTorch's on every backend and dtype: softplus and
 * BCE with logits at a logit of exactly 0, leaky ReLU at 0, BCE on probabilities at the clamp (0 and 1). The values
 * are PyTorch's definitions: {@code sigmoid(0) = 1/2}, {@code leaky_relu'(0) = slope}, and a finite BCE gradient.
 */
class KinkGradientsTest {
    private static final Map<String, TensorBackend> BACKENDS = Backends.all(new BackendSettings(2));

    private static double[] gradient(TensorBackend b, DType dtype, double[] x, UnaryOperator<Var> f) {
        try (TensorScope scope = b.newScope()) {
            Tape tape = new Tape(b);
            Var v = tape.variable(b.cast(b.fromDoubles(x, Shape.of(x.length)), dtype));
            return b.toDoubles(tape.backward(f.apply(v).sum()).of(v));
        }
    }

    private static Var constant(Var like, double... values) {
        TensorBackend b = like.tape().backend();
        return like.tape().constant(b.cast(b.fromDoubles(values, Shape.of(values.length)), like.dtype()));
    }

    @TestFactory
    Stream<DynamicTest> gradientsAtTheKinksArePyTorchs() {
        return BACKENDS.values().stream().flatMap(b -> Stream.of(DType.values()).filter(d -> b.capabilities().supports(d))
                .flatMap(d -> Stream.of(
                        dynamicTest(b.name() + " " + d + ": softplus and BCE with logits at 0", () -> {
                            assertArrayEquals(new double[] {0.5}, gradient(b, d, new double[] {0}, Functions::softplus), "softplus'(0)");
                            assertArrayEquals(new double[] {0.5}, gradient(b, d, new double[] {0}, Functions::logSigmoid),
                                    "logSigmoid'(0)");
                            assertArrayEquals(new double[] {0.5, 0.2, -0.5}, gradient(b, d, new double[] {0, 0, 0},
                                    z -> Functions.bceWithLogits(z, constant(z, 0, 0.3, 1))), 1e-7, "bceWithLogits'(0) = 1/2 - t");
                        }),
                        dynamicTest(b.name() + " " + d + ": leaky ReLU at 0", () -> assertArrayEquals(new double[] {0.01, 1, 0.01},
                                gradient(b, d, new double[] {0, 2, -3}, x -> x.leakyRelu(0.01)), 1e-9, "leakyRelu' at 0, above, below")),
                        dynamicTest(b.name() + " " + d + ": BCE at the clamp", () -> {
                            double[] g = gradient(b, d, new double[] {0, 1, 0, 1, 0.5}, p -> Functions.bce(p, constant(p, 1, 0, 0, 1, 0)));
                            // PyTorch's (p - t) / max(p (1 - p), 1e-12): finite at p = 0 and 1, 0 where p = t, 2 at p = 1/2, t = 0
                            assertArrayEquals(new double[] {-1e12, 1e12, 0, 0, 2}, g, 1e-6 * 1e12, "bce' at the clamp and inside");
                            assertArrayEquals(new double[] {0, 0, 2}, java.util.Arrays.copyOfRange(g, 2, 5), 1e-6, "bce' where p = t and at 1/2");
                        }))));
    }
}
