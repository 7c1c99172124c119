package dev.autoencoder.tests.conformance;

import static dev.autoencoder.tests.conformance.PlantedBackend.map;
import static dev.autoencoder.tests.conformance.PlantedBackend.on;
import static dev.autoencoder.tests.conformance.PlantedBackend.proceed;
import static dev.autoencoder.tests.conformance.PlantedBackend.roundF64;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.autoencoder.api.AdamCoefficients;
import dev.autoencoder.api.AdamUpdate;
import dev.autoencoder.api.Conv2dParams;
import dev.autoencoder.api.Shape;
import dev.autoencoder.api.Shapes;
import dev.autoencoder.api.Tensor;
import dev.autoencoder.api.TensorBackend;
import dev.autoencoder.backend.pure.PureBackend;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The kit catches planted bugs (issue 14, item 3): backends that compute with the pure one except for one
 * deliberate bug each run every registry check through {@link ConformanceHarness}, as a third-party backend
 * would; each bug must fail at least one check, and the same wrapper without a bug must pass them all (so a
 * failing check is the bug's doing, not the wrapper's). Writes "planted bugs caught: N of N", with the checks
 * that caught each bug, to {@code target/planted-bugs.txt} and the console.
 */
class PlantedBugsTest {
    private static final ConformanceHarness HARNESS = new ConformanceHarness(new PureBackend(1), new PureBackend(1),
            ToleranceTable.standard(), new ConformanceReport());
    private static final Map<String, String> CAUGHT = new TreeMap<>();
    private static final List<String> MISSED = new ArrayList<>();

    /** One planted bug: its backend's name, what it does, and the bug. */
    private record Planted(String name, String description, PlantedBackend.Bug bug) {
    }

    private static List<Planted> bugs() {
        return List.of(
                new Planted("planted-conv-padding", "conv2d pads one more row and column at the top and left than asked "
                        + "(one fewer at the bottom and right): the windows shift by one, the output shape is right",
                        on("conv2d", (inner, m, a) -> conv2dPaddingOffByOne(inner, (Tensor) a[0], (Tensor) a[1], (Conv2dParams) a[2]))),
                new Planted("planted-f64-in-f32", "every F64 tensor it returns (inputs it creates included) holds values "
                        + "rounded to F32", (inner, m, a) -> roundedToF32(inner, proceed(inner, m, a))),
                new Planted("planted-weight-grad", "conv2dWeightGrad (the tape's weight gradient of conv2d and "
                        + "conv2dTranspose) is 1e-4 too large, relatively",
                        on("conv2dWeightGrad", (inner, m, a) -> map(inner, (Tensor) proceed(inner, m, a), x -> x * (1 + 1e-4)))),
                new Planted("planted-broadcast-axis", "add and mul stretch a broadcast operand along the wrong axis: "
                        + "each kept axis of it is indexed by the result's previous axis (modulo its length)",
                        (inner, m, a) -> switch (m.getName()) {
                            case "add" -> wrongBroadcast(inner, (Tensor) a[0], (Tensor) a[1], inner::add);
                            case "mul" -> wrongBroadcast(inner, (Tensor) a[0], (Tensor) a[1], inner::mul);
                            default -> proceed(inner, m, a);
                        }),
                new Planted("planted-sum-drops-last", "sum leaves out the last element of every reduced axis longer than 1",
                        on("sum", (inner, m, a) -> sumDroppingLast(inner, (Tensor) a[0], (boolean) a[1], (int[]) a[2]))),
                new Planted("planted-adam-eps", "adamStep adds eps inside the square root: sqrt(v_hat + eps) instead of "
                        + "sqrt(v_hat) + eps", on("adamStep", (inner, m, a) -> adamEpsInsideSqrt(inner, (Tensor) a[0],
                                (Tensor) a[1], (Tensor) a[2], (Tensor) a[3], (AdamCoefficients) a[4]))),
                new Planted("planted-sigmoid-clamp", "sigmoid clamps its argument to [-30, 30] (an overflow guard set too "
                        + "tight): sigmoid(-60) gives 9.4e-14 instead of 8.8e-27",
                        on("sigmoid", (inner, m, a) -> {
                            Tensor t = (Tensor) a[0];
                            return inner.sigmoid(inner.maximum(inner.minimum(t, inner.scalar(30, t.dtype())), inner.scalar(-30, t.dtype())));
                        })));
    }

    @Test
    void theWrapperWithoutABugPassesEveryCheck() {
        TensorBackend clean = PlantedBackend.of("planted-none", new PureBackend(2), PlantedBackend::proceed);
        List<String> failures = new ArrayList<>();
        run(clean).forEach((check, failed) -> failures.addAll(failed));
        assertEquals(List.of(), failures, "the wrapper alone must pass every check, so that the planted bugs are what fails");
    }

    @TestFactory
    Stream<DynamicTest> everyPlantedBugIsCaught() {
        return bugs().stream().map(p -> dynamicTest(p.name() + ": " + p.description(), () -> {
            Map<Check, List<String>> failed = run(PlantedBackend.of(p.name(), new PureBackend(2), p.bug()));
            if (failed.isEmpty()) {
                MISSED.add(p.name());
            } else {
                StringBuilder by = new StringBuilder();
                failed.forEach((check, cases) -> by.append(String.format("%n    %d %s check%s: %s%s", cases.size(),
                        check.name().toLowerCase(Locale.ROOT), cases.size() == 1 ? "" : "s",
                        String.join("; ", cases.subList(0, Math.min(3, cases.size()))), cases.size() > 3 ? "; ..." : "")));
                CAUGHT.put(p.name(), p.description() + "; caught by" + by);
            }
            assertFalse(failed.isEmpty(), p.name() + " passed every check of the kit: " + p.description());
        }));
    }

    /** Runs every check of the registry on {@code backend}; the names of the failed ones, by kind of check. */
    private static Map<Check, List<String>> run(TensorBackend backend) {
        Map<Check, List<String>> failed = new EnumMap<>(Check.class);
        for (OpSpec op : OpRegistry.all()) {
            for (ConformanceCase c : HARNESS.cases(backend, op)) {
                try {
                    c.run().run();
                } catch (AssertionError | RuntimeException e) {
                    failed.computeIfAbsent(c.check(), k -> new ArrayList<>()).add(c.name());
                }
            }
        }
        return failed;
    }

    @AfterAll
    static void writeReport() throws IOException {
        int n = bugs().size();
        StringBuilder sb = new StringBuilder(String.format("planted bugs caught: %d of %d%n", CAUGHT.size(), n));
        CAUGHT.forEach((name, how) -> sb.append("  ").append(name).append(": ").append(how).append('\n'));
        MISSED.forEach(name -> sb.append("  MISSED ").append(name).append('\n'));
        System.out.print(sb);
        Path file = Path.of(System.getProperty("ae.conformance.summary", "target/conformance-summary.txt"))
                .resolveSibling("planted-bugs.txt");
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, sb.toString());
    }

    // ---------------------------------------------------------------- the bugs

    private static Object roundedToF32(TensorBackend inner, Object result) {
        if (result instanceof Tensor t) {
            return roundF64(inner, t);
        }
        if (result instanceof AdamUpdate u) {
            return new AdamUpdate(roundF64(inner, u.param()), roundF64(inner, u.m()), roundF64(inner, u.v()));
        }
        return result;
    }

    private static Tensor conv2dPaddingOffByOne(TensorBackend inner, Tensor x, Tensor w, Conv2dParams p) {
        Shape want = Shapes.conv2d(x.shape(), w.shape(), p);
        Tensor y = inner.conv2d(x, w, new Conv2dParams(p.strideH(), p.strideW(), p.padH() + 1, p.padW() + 1));
        return inner.slice(inner.slice(y, 2, 0, want.dim(2)), 3, 0, want.dim(3));
    }

    private static Tensor wrongBroadcast(TensorBackend inner, Tensor a, Tensor b, java.util.function.BinaryOperator<Tensor> op) {
        Shape out = Shapes.broadcast("planted broadcast", a.shape(), b.shape());
        return op.apply(stretchedAlongTheWrongAxis(inner, a, out), stretchedAlongTheWrongAxis(inner, b, out));
    }

    /** {@code t} stretched to {@code out}, but with each of its axes indexed by the result's previous axis. */
    private static Tensor stretchedAlongTheWrongAxis(TensorBackend inner, Tensor t, Shape out) {
        if (t.shape().equals(out)) {
            return t;
        }
        int r = out.rank();
        int[] dims = new int[r];
        for (int k = 0; k < r; k++) {
            int fromEnd = r - 1 - k;
            dims[k] = fromEnd < t.shape().rank() ? t.shape().dim(t.shape().rank() - 1 - fromEnd) : 1;
        }
        int[] strides = Shape.of(dims).strides();
        double[] v = inner.toDoubles(t);
        double[] e = new double[out.size()];
        int[] idx = new int[r];
        for (int flat = 0; flat < e.length; flat++) {
            int rest = flat;
            for (int k = r - 1; k >= 0; k--) {
                idx[k] = rest % out.dim(k);
                rest /= out.dim(k);
            }
            int at = 0;
            for (int k = 0; k < r; k++) {
                if (dims[k] > 1) {
                    at += (idx[(k + r - 1) % r] % dims[k]) * strides[k];
                }
            }
            e[flat] = v[at];
        }
        return inner.fromDoubles(e, out, t.dtype());
    }

    private static Tensor sumDroppingLast(TensorBackend inner, Tensor t, boolean keepDims, int[] axes) {
        Tensor cut = t;
        for (int axis : Shapes.reductionAxes(t.shape(), axes)) {
            int dim = t.shape().dim(axis);
            if (dim > 1) {
                cut = inner.slice(cut, axis, 0, dim - 1);
            }
        }
        return inner.sum(cut, keepDims, axes);
    }

    private static AdamUpdate adamEpsInsideSqrt(TensorBackend b, Tensor p, Tensor g, Tensor m, Tensor v, AdamCoefficients c) {
        var dt = p.dtype();
        Tensor m1 = b.add(b.mul(m, b.scalar(c.beta1(), dt)), b.mul(g, b.scalar(1 - c.beta1(), dt)));
        Tensor v1 = b.add(b.mul(v, b.scalar(c.beta2(), dt)), b.mul(b.mul(g, g), b.scalar(1 - c.beta2(), dt)));
        Tensor vHat = b.div(v1, b.scalar(c.sqrtBias2() * c.sqrtBias2(), dt));
        Tensor denominator = b.sqrt(b.add(vHat, b.scalar(c.eps(), dt)));
        return new AdamUpdate(b.sub(p, b.mul(b.div(m1, denominator), b.scalar(c.stepSize(), dt))), m1, v1);
    }
}
