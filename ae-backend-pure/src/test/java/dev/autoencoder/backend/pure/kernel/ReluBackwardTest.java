package dev.autoencoder.backend.pure.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link ReluBackward}: the gradient where the output is positive, +0 elsewhere (NaN and -0 included), bit for bit, on
 * a slice that starts and ends inside a vector; the Vector API loop where this JVM has the module (the build's tests do).
 */
class ReluBackwardTest {
    static List<ReluBackward> kernels() {
        return List.of(ReluBackward.scalar(), ReluBackward.best());
    }

    @Test
    void theVectorLoopIsChosenExactlyWhenTheModuleIsPresent() {
        KernelTestSupport.assertVectorExactlyWithTheModule(ReluBackward.best(), VectorReluBackward.class);
    }

    @ParameterizedTest
    @MethodSource("kernels")
    void passesTheGradientExactlyWhereTheOutputIsPositive(ReluBackward k) {
        Random random = new Random(5);
        float[] y = new float[103];
        float[] g = new float[y.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = random.nextBoolean() ? random.nextFloat() : 0f;
            g[i] = (float) random.nextGaussian();
        }
        y[10] = Float.NaN;
        y[11] = -0f;
        y[12] = Float.MIN_VALUE;
        y[13] = Float.POSITIVE_INFINITY;
        float[] z = new float[y.length];
        z[0] = 7f;
        z[y.length - 1] = 7f;
        k.apply(y, g, z, 1, y.length - 1);
        for (int i = 1; i < y.length - 1; i++) {
            float expected = y[i] > 0f ? g[i] : 0f;
            assertEquals(Float.floatToIntBits(expected), Float.floatToIntBits(z[i]), "element " + i + ", y = " + y[i]);
        }
        assertEquals(7f, z[0], "outside the slice");
        assertEquals(7f, z[y.length - 1], "outside the slice");
    }
}
