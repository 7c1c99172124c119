package dev.autoencoder.backend.pure.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.autoencoder.api.kernel.VectorKernels;
import java.util.Random;

/** Random inputs and tolerance checks shared by the kernel tests: F32 results are judged against F64 references. */
final class KernelTestSupport {

    /** Relative tolerance of an F32 result against the F64 reference, relative to the sum of absolute terms. */
    static final double F32_TOLERANCE = 1e-4;

    private KernelTestSupport() {
    }

    /** Asserts that a kernel's {@code best()} is its Vector API class exactly when this JVM has the module. */
    static void assertVectorExactlyWithTheModule(Object best, Class<?> vectorClass) {
        assertEquals(VectorKernels.available(), vectorClass.isInstance(best), best.getClass().getName());
    }

    /** Uniform values in [-1, 1). */
    static float[] randomFloats(Random random, int size) {
        float[] values = new float[size];
        for (int i = 0; i < size; i++) {
            values[i] = random.nextFloat() * 2f - 1f;
        }
        return values;
    }

    static double[] toDouble(float[] values) {
        double[] result = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            result[i] = values[i];
        }
        return result;
    }

    static double[] abs(double[] values) {
        double[] result = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            result[i] = Math.abs(values[i]);
        }
        return result;
    }

    static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    /**
     * Asserts {@code |actual - expected| <= F32_TOLERANCE * scale} element by element, where
     * {@code scale} is the same computation on absolute values (the natural error scale of a sum,
     * robust to cancellation).
     */
    static void assertClose(float[] actual, double[] expected, double[] scale, String what) {
        if (actual.length != expected.length) {
            fail(what + ": length " + actual.length + " != " + expected.length);
        }
        for (int i = 0; i < actual.length; i++) {
            double error = Math.abs(actual[i] - expected[i]);
            if (!(error <= F32_TOLERANCE * scale[i] + 1e-30)) {
                fail(what + ": element " + i + " is " + actual[i] + ", reference " + expected[i]
                        + " (scale " + scale[i] + ")");
            }
        }
    }
}
