package dev.autoencoder.backend.pure.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autoencoder.api.kernel.ScalarMath;
import java.util.List;
import java.util.Random;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link Transcendentals}: the scalar loops and, where this JVM has the module (the build's tests do), the Vector API
 * loops, each within a few F32 ulps of the F64 functions, over ordinary values, extremes and slices that do not start
 * or end on a vector boundary.
 */
class TranscendentalsTest {
    /** The vector math library's float functions are within 1 ulp; the BCE's chain of four roundings adds a few more. */
    private static final int ULPS = 4;

    static List<Transcendentals> kernels() {
        Transcendentals best = Transcendentals.best();
        return best instanceof ScalarTranscendentals ? List.of(best) : List.of(Transcendentals.scalar(), best);
    }

    @Test
    void theVectorLoopsAreChosenExactlyWhenTheModuleIsPresent() {
        KernelTestSupport.assertVectorExactlyWithTheModule(Transcendentals.best(), VectorTranscendentals.class);
    }

    @ParameterizedTest
    @MethodSource("kernels")
    void sigmoidMatchesTheF64Function(Transcendentals k) {
        float[] x = inputs();
        float[] y = new float[x.length];
        k.sigmoid(x, y, 3, x.length - 2);
        assertWithinUlps(x, y, ScalarMath::sigmoid, 3, x.length - 2);
        assertEquals(0f, y[0]);
        assertEquals(0f, y[x.length - 1]);
    }

    @ParameterizedTest
    @MethodSource("kernels")
    void tanhMatchesTheF64Function(Transcendentals k) {
        float[] x = inputs();
        float[] y = new float[x.length];
        k.tanh(x, y, 1, x.length);
        assertWithinUlps(x, y, Math::tanh, 1, x.length);
    }

    @ParameterizedTest
    @MethodSource("kernels")
    void bceWithLogitsMatchesTheF64FormulaWithoutOverflow(Transcendentals k) {
        float[] z = inputs();
        float[] t = new float[z.length];
        Random random = new Random(7);
        for (int i = 0; i < t.length; i++) {
            t[i] = random.nextFloat();
        }
        float[] y = new float[z.length];
        k.bceWithLogits(z, t, y, 0, z.length - 5);
        for (int i = 0; i < z.length - 5; i++) {
            double zi = z[i];
            double expected = Math.max(zi, 0) + Math.log1p(Math.exp(-Math.abs(zi))) - t[i] * zi;
            assertTrue(Float.isFinite(y[i]), "z = " + zi);
            // softplus(z) - t z cancels: the error is relative to the terms, not to their difference
            double scale = Math.max(zi, 0) + Math.log1p(Math.exp(-Math.abs(zi))) + Math.abs(t[i] * zi);
            assertEquals(expected, y[i], ULPS * Math.ulp((float) scale), "z = " + zi + ", t = " + t[i]);
        }
    }

    /** Random values of every magnitude up to 100, with 0 and the values where exp over- or underflows. */
    private static float[] inputs() {
        Random random = new Random(42);
        float[] x = new float[1_000 + 13];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (random.nextGaussian() * Math.pow(10, random.nextInt(4) - 1));
        }
        float[] extremes = {0f, -0f, 88.8f, -88.8f, 100f, -100f, 1e-30f, -1e-30f, 20f, -20f};
        System.arraycopy(extremes, 0, x, 5, extremes.length);
        return x;
    }

    private static void assertWithinUlps(float[] x, float[] y, DoubleUnaryOperator f, int from, int to) {
        for (int i = from; i < to; i++) {
            float expected = (float) f.applyAsDouble(x[i]);
            assertEquals(expected, y[i], ULPS * Math.ulp(expected) + Float.MIN_VALUE, "x = " + x[i]);
        }
    }
}
