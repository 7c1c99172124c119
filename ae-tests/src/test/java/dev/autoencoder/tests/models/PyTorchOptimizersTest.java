package dev.autoencoder.tests.models;

import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.autoencoder.api.DType;
import dev.autoencoder.api.Shape;
import dev.autoencoder.api.Tensor;
import dev.autoencoder.api.TensorBackend;
import dev.autoencoder.api.TensorScope;
import dev.autoencoder.api.guice.BackendSettings;
import dev.autoencoder.api.guice.Backends;
import dev.autoencoder.models.nn.Parameter;
import dev.autoencoder.models.optim.Adam;
import dev.autoencoder.models.optim.GradientClipping;
import dev.autoencoder.models.optim.Optimizer;
import dev.autoencoder.models.optim.Sgd;
import dev.autoencoder.tests.conformance.Check;
import dev.autoencoder.tests.conformance.Comparison;
import dev.autoencoder.tests.conformance.OpClass;
import dev.autoencoder.tests.conformance.Tolerance;
import dev.autoencoder.tests.conformance.ToleranceTable;
import dev.autoencoder.tests.golden.GoldenFixtures;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * ae's optimizers on every backend against torch.optim's trajectories (golden fixtures): two parameters, six steps
 * of varying gradients, lr 0.1; SGD with momentum and L2 decay, Adam, Adam with L2 decay, AdamW, gradients small
 * enough that eps dominates Adam's denominator, and Adam after global-norm clipping. Every step's parameters are
 * compared, in F32 and F64.
 */
class PyTorchOptimizersTest {
    private static final Map<String, TensorBackend> BACKENDS = Backends.all(new BackendSettings(2));
    private static final GoldenFixtures GOLDEN = GoldenFixtures.read(GoldenFixtures.OPTIMIZERS_TORCH);
    private static final double LR = 0.1;

    /** The ae optimizer of each trajectory, with torch.optim's settings (betas 0.9 and 0.999, eps 1e-8). */
    private static Function<Map<String, Parameter>, Optimizer> optimizer(String name) {
        return switch (name) {
            case "sgd-momentum-l2" -> ps -> new Sgd(ps, 0.9, 0.1);
            case "adam", "adam-eps-dominated", "adam-clipped" -> ps -> Adam.adam(ps, 0);
            case "adam-l2" -> ps -> Adam.adam(ps, 0.1);
            case "adamw" -> ps -> Adam.adamW(ps, 0.1);
            default -> throw new AssertionError("the fixtures hold an optimizer this test does not know: " + name);
        };
    }

    @TestFactory
    Stream<DynamicTest> everyOptimizerOnEveryBackendAgainstTorchOptim() {
        List<Map<String, Object>> cases = GOLDEN.cases();
        return BACKENDS.values().stream().flatMap(b -> Arrays.stream(DType.values()).filter(b.capabilities()::supports)
                .flatMap(d -> IntStream.range(0, cases.size()).mapToObj(i -> dynamicTest(b.name() + " " + cases.get(i).get("name")
                        + " " + d + " torch.optim", () -> trajectory(b, d, i, cases.get(i))))));
    }

    private static void trajectory(TensorBackend b, DType dtype, int index, Map<String, Object> c) {
        String key = "o" + index;
        String name = (String) c.get("name");
        int steps = ((Number) c.get("steps")).intValue();
        Double clip = c.get("clipNorm") == null ? null : ((Number) c.get("clipNorm")).doubleValue();
        Map<String, Parameter> params = new LinkedHashMap<>();
        for (int k = 0; GOLDEN.has(key + ".p" + k + ".initial"); k++) {
            params.put("p" + k, new Parameter(upload(b, dtype, key + ".p" + k + ".initial")));
        }
        Optimizer opt = optimizer(name).apply(params);
        Tolerance tol = ToleranceTable.standard().tolerance(Check.MODEL, "optimizer", OpClass.ELEMENTWISE, b.name(), dtype);
        for (int s = 0; s < steps; s++) {
            try (TensorScope scope = b.newScope()) {
                Map<Parameter, Tensor> grads = new LinkedHashMap<>();
                for (Map.Entry<String, Parameter> p : params.entrySet()) {
                    grads.put(p.getValue(), upload(b, dtype, key + "." + p.getKey() + ".grad" + s));
                }
                if (clip != null) {
                    grads = GradientClipping.clip(grads, GradientClipping.globalNorm(grads), clip);
                }
                opt.step(grads, LR, scope);
            }
            for (String p : params.keySet()) {
                String expected = key + "." + GoldenFixtures.tag(dtype) + "." + p + ".after" + s;
                Shape shape = GOLDEN.shape(expected);
                Comparison.assertClose(b.name() + " " + dtype + " " + name + " " + p + " after step " + (s + 1), shape,
                        b.toDoubles(params.get(p).value()), shape, GOLDEN.values(expected), tol);
            }
        }
    }

    private static Tensor upload(TensorBackend b, DType dtype, String name) {
        return b.fromDoubles(GOLDEN.values(name), GOLDEN.shape(name), dtype);
    }
}
