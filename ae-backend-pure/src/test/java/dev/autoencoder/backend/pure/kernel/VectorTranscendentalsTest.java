package dev.autoencoder.backend.pure.kernel;

import static dev.autoencoder.api.kernel.VectorMath.EXP_FLOOR;
import static dev.autoencoder.api.kernel.VectorMath.LN2_HI;
import static dev.autoencoder.api.kernel.VectorMath.LN2_LO;
import static dev.autoencoder.api.kernel.VectorMath.LOG2_E;
import static dev.autoencoder.api.kernel.VectorMath.ROUNDER;
import static dev.autoencoder.api.kernel.VectorMath.SQRT2_MINUS_1;
import static dev.autoencoder.api.kernel.VectorMath.TANH_SMALL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.autoencoder.api.kernel.VectorMath;
import java.util.Arrays;
import java.util.Random;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link VectorTranscendentals} computes exactly its formulas: every lane equals, bit for bit, the same operations done
 * one float at a time (each addition, product, fused multiply-add and division rounded once, as IEEE 754 and
 * {@link Math#fma} define them). A lane's result therefore cannot depend on whether the JIT has compiled the loop,
 * which the Vector API's own {@code EXP} and {@code LOG1P} lanes do not guarantee.
 */
class VectorTranscendentalsTest {
    private static final float[] EXP_SERIES = {VectorMath.E0, VectorMath.E1,
        VectorMath.E2, VectorMath.E3, VectorMath.E4, VectorMath.E5};
    private static final float[] ATANH_SERIES = {VectorMath.A0, VectorMath.A1,
        VectorMath.A2, VectorMath.A3};
    private static final float[] TANH_SERIES = {VectorMath.T0, VectorMath.T1,
        VectorMath.T2, VectorMath.T3, VectorMath.T4, VectorMath.T5,
        VectorMath.T6, VectorMath.T7};

    private final float[] x = inputs();
    private final float[] t = new float[x.length];
    private final float[] y = new float[x.length];

    @BeforeEach
    void needsTheVectorModule() {
        assumeTrue(ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent(), "the build's tests add the module");
        Random random = new Random(3);
        for (int i = 0; i < t.length; i++) {
            t[i] = random.nextFloat();
        }
    }

    @Test
    void sigmoidLanesAreTheFormulaOneFloatAtATime() {
        new VectorTranscendentals().sigmoid(x, y, 0, x.length);
        for (int i = 0; i < x.length; i++) {
            float e = exp(-Math.abs(x[i]));
            float onePlusE = e + 1f;
            assertBits(x[i] < 0 ? e / onePlusE : 1f / onePlusE, y[i], x[i]);
        }
    }

    @Test
    void tanhLanesAreTheFormulaOneFloatAtATime() {
        new VectorTranscendentals().tanh(x, y, 0, x.length);
        for (int i = 0; i < x.length; i++) {
            float a = Math.abs(x[i]);
            float e = exp(a * -2f);
            float large = (1f - e) / (e + 1f);
            float small = a * Math.fma(horner(a * a, TANH_SERIES), a * a, 1f);
            float magnitude = a < TANH_SMALL ? small : large;
            assertBits(x[i] < 0 ? -magnitude : magnitude, y[i], x[i]);
        }
    }

    @Test
    void bceLanesAreTheFormulaOneFloatAtATime() {
        new VectorTranscendentals().bceWithLogits(x, t, y, 0, x.length);
        for (int i = 0; i < x.length; i++) {
            float softplus = Math.max(x[i], 0f) + log1pOfUnit(exp(-Math.abs(x[i])));
            assertBits(softplus - t[i] * x[i], y[i], x[i]);
        }
    }

    /**
     * A range of any offset and length, shorter than a vector (the padded copy) or ending inside one (a last whole vector,
     * then the padded rest), gives each element the bits the whole array's call gives it, and writes nothing outside.
     */
    @Test
    void rangesOfEveryOffsetAndLengthGiveTheWholeCallsBits() {
        VectorTranscendentals functions = new VectorTranscendentals();
        float[] sigmoid = new float[x.length];
        float[] tanh = new float[x.length];
        float[] bce = new float[x.length];
        functions.sigmoid(x, sigmoid, 0, x.length);
        functions.tanh(x, tanh, 0, x.length);
        functions.bceWithLogits(x, t, bce, 0, x.length);
        for (int from = 0; from < 40; from += 3) {
            for (int to = from; to <= from + 70; to++) {
                assertRange(sigmoid, from, to, (f, e) -> functions.sigmoid(x, y, f, e));
                assertRange(tanh, from, to, (f, e) -> functions.tanh(x, y, f, e));
                assertRange(bce, from, to, (f, e) -> functions.bceWithLogits(x, t, y, f, e));
            }
        }
    }

    private void assertRange(float[] whole, int from, int to, BiConsumer<Integer, Integer> call) {
        Arrays.fill(y, -7f);
        call.accept(from, to);
        for (int i = 0; i < y.length; i++) {
            assertBits(i >= from && i < to ? whole[i] : -7f, y[i], x[i]);
        }
    }

    private static float exp(float x) {
        float clamped = Math.max(x, EXP_FLOOR);
        float n = clamped * LOG2_E + ROUNDER - ROUNDER;
        float r = Math.fma(-n, LN2_HI, clamped);
        r = Math.fma(-n, LN2_LO, r);
        float p = Math.fma(Math.fma(horner(r, EXP_SERIES), r, 1f), r, 1f);
        int k = (int) n;
        int half = k >> 1;
        return p * Float.intBitsToFloat((half + 127) << 23) * Float.intBitsToFloat((k - half + 127) << 23);
    }

    private static float log1pOfUnit(float e) {
        boolean large = e > SQRT2_MINUS_1;
        float f = large ? (e - 1f) * 0.5f : e;
        float s = f / (f + 2f);
        float s2 = s * s;
        float twoAtanh = (s + s) * Math.fma(horner(s2, ATANH_SERIES), s2, 1f);
        return (large ? LN2_LO : 0f) + twoAtanh + (large ? LN2_HI : 0f);
    }

    private static float horner(float x, float[] c) {
        float p = c[0];
        for (int i = 1; i < c.length; i++) {
            p = Math.fma(p, x, c[i]);
        }
        return p;
    }

    private static void assertBits(float expected, float actual, float input) {
        assertEquals(Float.floatToIntBits(expected), Float.floatToIntBits(actual), () -> "x = " + input + ": expected "
                + expected + ", got " + actual);
    }

    /** Values of every magnitude up to 1000, the branch points, and where exp underflows or leaves the normal floats. */
    private static float[] inputs() {
        Random random = new Random(11);
        float[] values = new float[2_000 + 7];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) (random.nextGaussian() * Math.pow(10, random.nextInt(5) - 2));
        }
        float[] special = {0f, -0f, 0.55f, -0.55f, 0.41421356f, 87.5f, -87.5f, 100f, -100f, 150f, -160f, 1e-30f,
            Float.MIN_VALUE, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.NaN};
        System.arraycopy(special, 0, values, 3, special.length);
        return values;
    }
}
