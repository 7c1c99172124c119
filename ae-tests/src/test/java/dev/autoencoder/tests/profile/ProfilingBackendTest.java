package dev.autoencoder.tests.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.autoencoder.api.BackendMismatchException;
import dev.autoencoder.api.Conv2dParams;
import dev.autoencoder.api.DType;
import dev.autoencoder.api.Shape;
import dev.autoencoder.api.Tensor;
import dev.autoencoder.api.TensorBackend;
import dev.autoencoder.api.TensorScope;
import dev.autoencoder.api.profile.OpProfile;
import dev.autoencoder.api.profile.OpStats;
import dev.autoencoder.api.profile.ProfilingBackend;
import dev.autoencoder.api.random.Rng;
import dev.autoencoder.backend.pure.PureBackend;
import dev.autoencoder.tests.conformance.ConformanceHarness;
import dev.autoencoder.tests.conformance.ConformanceReport;
import dev.autoencoder.tests.conformance.OpRegistry;
import dev.autoencoder.tests.conformance.OpSpec;
import dev.autoencoder.tests.conformance.Sample;
import dev.autoencoder.tests.conformance.ToleranceTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The profiling backend is transparent (the op-level conformance checks pass through it) and counts what it
 * should: calls per primitive and the FLOPs of products and convolutions.
 */
class ProfilingBackendTest {
    private final OpProfile profile = new OpProfile();
    private final ProfilingBackend profiled = new ProfilingBackend(new PureBackend(2), profile);

    @TestFactory
    Stream<DynamicNode> everyOpPassesThroughUnchanged() {
        ConformanceHarness harness = new ConformanceHarness(new PureBackend(1), new PureBackend(1), ToleranceTable.standard(),
                new ConformanceReport());
        return OpRegistry.all().stream().map(op -> dynamicContainer(op.name(), checks(harness, op)));
    }

    private List<DynamicNode> checks(ConformanceHarness harness, OpSpec op) {
        List<DynamicNode> tests = new ArrayList<>();
        for (Sample s : op.samples()) {
            tests.add(dynamicTest("forward " + s.label(), () -> harness.forward(profiled, op, s, DType.F32)));
            if (op.differentiable()) {
                tests.add(dynamicTest("gradient " + s.label(), () -> harness.gradient(profiled, op, s, DType.F32)));
            }
        }
        op.errors().forEach(e -> tests.add(dynamicTest("error " + e.label(), () -> harness.error(profiled, op, e, DType.F32))));
        return tests;
    }

    @Test
    void countsMatmulFlopsAsTwoPerMultiplyAdd() {
        Tensor x = uniform(Shape.of(100, 784));
        Tensor w = uniform(Shape.of(512, 784));
        profile.reset();
        Tensor y = profiled.matmul(x, w, false, true);
        profiled.matmul(y, x, true, false);
        OpStats matmul = byOp().get("matmul");
        assertEquals(2, matmul.calls());
        assertEquals(2L * 100 * 512 * 784 + 2L * 512 * 784 * 100, matmul.flops());
        assertTrue(matmul.nanos() > 0);
    }

    @Test
    void countsConvolutionFlopsPerOutputElement() {
        Conv2dParams p = Conv2dParams.of(2, 1);
        Tensor x = uniform(Shape.of(4, 32, 16, 16));
        Tensor w = uniform(Shape.of(64, 32, 3, 3));
        Tensor y = profiled.conv2d(x, w, p);
        profiled.conv2dInputGrad(y, w, x.shape(), p);
        profiled.conv2dWeightGrad(x, y, w.shape(), p);
        long perConv = 2L * 4 * 64 * 8 * 8 * 32 * 3 * 3;
        Map<String, OpStats> stats = byOp();
        assertEquals(perConv, stats.get("conv2d").flops());
        assertEquals(perConv, stats.get("conv2dInputGrad").flops());
        assertEquals(perConv, stats.get("conv2dWeightGrad").flops());
        // The transposed convolution of y by the same weight (Cin 64 -> Cout 32) does the input gradient's work.
        profiled.conv2dTranspose(y, w, p, 1, 1);
        assertEquals(perConv, byOp().get("conv2dTranspose").flops());
    }

    @Test
    void scopesReleaseThroughTheWrapperAndForeignTensorsAreRefused() {
        TensorBackend pure = profiled.inner();
        Tensor kept;
        try (TensorScope scope = profiled.newScope()) {
            Tensor t = profiled.full(Shape.of(3), DType.F32, 2);
            kept = scope.keep(profiled.add(t, t));
        }
        assertEquals(4f, profiled.toFloats(kept)[2]);
        assertTrue(byOp().containsKey("closeScope"));
        Tensor foreign = pure.full(Shape.of(3), DType.F32, 1);
        assertThrows(BackendMismatchException.class, () -> profiled.add(kept, foreign));
        assertEquals(profiled, kept.backend());
    }

    private Tensor uniform(Shape shape) {
        return new Rng(7).uniform(profiled, shape, DType.F32, -1, 1);
    }

    private Map<String, OpStats> byOp() {
        return profile.byTime().stream().collect(Collectors.toMap(OpStats::op, Function.identity()));
    }
}
