package dev.autoencoder.backend.djl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import dev.autoencoder.api.Conv2dParams;
import dev.autoencoder.api.DType;
import dev.autoencoder.api.InvalidArgumentException;
import dev.autoencoder.api.Shape;
import dev.autoencoder.api.Tensor;
import dev.autoencoder.api.TensorScope;
import dev.autoencoder.api.guice.BackendModule;
import dev.autoencoder.api.guice.BackendSettings;
import dev.autoencoder.api.guice.Backends;
import dev.autoencoder.api.guice.BackendsModule;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** What the conformance suite does not see: discovery, offline mode, native memory ownership, threads, log1p. */
class DjlBackendTest {
    private static final DjlBackend B = new DjlBackend(1, Device.cpu());
    private static final ExecutorService WORKERS = Executors.newFixedThreadPool(2);

    @AfterAll
    static void stopWorkers() {
        WORKERS.shutdownNow();
    }

    private static PtNDArray array(Tensor t) {
        return ((DjlTensor) t).array();
    }

    @Test
    void isDiscoveredWithPriority30AndSelectable() {
        BackendModule module = BackendsModule.discoverModules().stream()
                .filter(m -> m.backendName().equals("djl")).findFirst().orElseThrow();
        assertEquals(30, module.priority());
        assertTrue(module.isAvailable(), module.unavailableReason());
        assertInstanceOf(DjlBackend.class, Backends.select("djl", new BackendSettings(1)));
    }

    @Test
    void switchesDjlToOfflineModeUnlessTheUserChose() {
        if (System.getenv(Libtorch.OFFLINE_ENV) == null) {
            assertEquals("true", System.getProperty(Libtorch.OFFLINE_PROPERTY));
        }
    }

    @Test
    void rejectsDevicesOtherThanTheCpu() {
        assertThrows(InvalidArgumentException.class, () -> new DjlBackend(1, Device.gpu()));
    }

    @Test
    void scopesFreeWhatTheyOwnAndKeepMovesOut() {
        Tensor outside = B.full(Shape.of(2), DType.F32, 1);
        Tensor inner;
        Tensor keptOnce;
        Tensor keptTwice;
        try (TensorScope outer = B.newScope()) {
            try (TensorScope scope = B.newScope()) {
                inner = B.add(outside, outside);
                keptOnce = scope.keep(B.mul(inner, inner));
                keptTwice = outer.keep(B.exp(inner));
            }
            assertTrue(array(inner).isReleased(), "closing a scope frees its tensors");
            assertFalse(array(keptOnce).isReleased(), "kept tensors move to the enclosing scope");
        }
        assertTrue(array(keptOnce).isReleased(), "and die with it");
        assertFalse(array(keptTwice).isReleased(), "a tensor kept by the outer scope leaves every scope");
        assertFalse(array(outside).isReleased());
        B.release(keptTwice);
        B.release(outside);
        assertTrue(array(keptTwice).isReleased() && array(outside).isReleased(), "release frees now");
    }

    @Test
    void unreachableTensorsOutsideScopesAreFreedByTheGarbageCollector() throws InterruptedException {
        PtNDArray native1 = array(B.full(Shape.of(1000), DType.F32, 2));
        for (int i = 0; i < 50 && !native1.isReleased(); i++) {
            System.gc();
            Thread.sleep(20);
        }
        assertTrue(native1.isReleased());
    }

    @Test
    void everyWorkerThreadComputesWithTheConfiguredThreadCount() throws Exception {
        DjlBackend two = new DjlBackend(2, Device.cpu());
        for (DjlBackend backend : new DjlBackend[] {B, two}) {
            int seen = WORKERS.submit(() -> {
                try (TensorScope scope = backend.newScope()) {
                    backend.exp(backend.full(Shape.of(3), DType.F32, 0));
                    return JniUtils.getNumThreads();
                }
            }).get();
            assertEquals(backend.capabilities().threads(), seen);
        }
    }

    @Test
    void log1pIsAccurateAtTheEdges() {
        double[] x = {0, -0.0, 1e-30, -1e-12, 1e-7, 3e-4, -0.5, 1, 1e30, -1, -2,
            Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN};
        try (TensorScope scope = B.newScope()) {
            double[] f64 = B.toDoubles(B.log1p(B.fromDoubles(x, Shape.of(x.length))));
            float[] f32 = B.toFloats(B.log1p(B.fromDoubles(x, Shape.of(x.length), DType.F32)));
            for (int i = 0; i < x.length; i++) {
                double expected = Math.log1p(x[i]);
                double expected32 = Math.log1p((float) x[i]);
                assertClose(expected, f64[i], 2e-16, "F64 log1p(" + x[i] + ")");
                assertClose(expected32, f32[i], 4e-7, "F32 log1p(" + x[i] + ")");
            }
        }
    }

    private static void assertClose(double expected, double actual, double rtol, String what) {
        if (Double.isNaN(expected) || Double.isInfinite(expected)) {
            assertEquals(expected, actual, what);
        } else {
            assertTrue(Math.abs(actual - expected) <= rtol * Math.abs(expected), what + " = " + actual + ", expected " + expected);
        }
    }

    @Test
    void convolutionGradientsLeaveNoAutogradStateBehind() {
        boolean gradMode = JniUtils.isGradMode();
        try (TensorScope scope = B.newScope()) {
            Tensor x = B.full(Shape.of(1, 2, 5, 5), DType.F32, 1);
            Tensor w = B.full(Shape.of(3, 2, 3, 3), DType.F32, 0.5);
            Tensor g = B.full(Shape.of(1, 3, 3, 3), DType.F32, 1);
            Tensor dx = B.conv2dInputGrad(g, w, x.shape(), Conv2dParams.of(1, 0));
            Tensor dw = B.conv2dWeightGrad(x, g, w.shape(), Conv2dParams.of(1, 0));
            assertFalse(JniUtils.requiresGrad(array(dx)) || JniUtils.requiresGrad(array(dw)));
            assertEquals(gradMode, JniUtils.isGradMode());
            // the centre input pixel is read by all 9 kernel positions of each of the 3 outputs: 3 * 9 * 0.5
            assertEquals(13.5, B.toDoubles(dx)[12]);
            assertArrayEquals(new double[] {9, 9, 9}, java.util.Arrays.copyOf(B.toDoubles(dw), 3));
        }
    }
}
