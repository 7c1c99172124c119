package dev.autoencoder.api.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.autoencoder.api.AdamCoefficients;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link AdamSlice}: the Vector API loop (where this JVM has the module; the build's tests add it) writes exactly the
 * scalar loop's bits into native buffers, on moments of every magnitude (some flushed to 0), on a slice that starts and
 * ends inside a vector, and nothing outside the slice.
 */
class AdamSliceTest {
    private static final int N = 301;

    @Test
    void theVectorLoopIsChosenExactlyWhenTheModuleIsPresent() {
        assertEquals(VectorKernels.available(), AdamSlice.best() instanceof VectorAdamSlice);
    }

    @Test
    void everyLoopWritesTheScalarLoopsBits() {
        AdamCoefficients.F32 f = AdamCoefficients.atStep(1e-3, 0.9, 0.999, 1e-8, 17).inF32();
        ByteBuffer[] expected = buffers();
        ByteBuffer[] actual = buffers();
        AdamSlice.scalar().step(expected[0], expected[1], expected[2], expected[3], f, 3, N - 5);
        AdamSlice.best().step(actual[0], actual[1], actual[2], actual[3], f, 3, N - 5);
        for (int b = 0; b < 4; b++) {
            for (int i = 0; i < N; i++) {
                assertEquals(Float.floatToIntBits(expected[b].getFloat(4 * i)), Float.floatToIntBits(actual[b].getFloat(4 * i)),
                        "buffer " + b + ", float " + i);
            }
        }
    }

    /** p, g, m, v from one seed, in native order. */
    private static ByteBuffer[] buffers() {
        Random random = new Random(9);
        ByteBuffer[] b = new ByteBuffer[4];
        for (int k = 0; k < 4; k++) {
            b[k] = ByteBuffer.allocateDirect(N * 4).order(ByteOrder.nativeOrder());
        }
        for (int i = 0; i < N; i++) {
            b[0].putFloat(4 * i, (float) random.nextGaussian());
            b[1].putFloat(4 * i, i % 5 == 0 ? 0f : (float) (random.nextGaussian() * Math.pow(10, -random.nextInt(20))));
            b[2].putFloat(4 * i, (float) (random.nextGaussian() * Math.pow(10, -random.nextInt(40))));
            b[3].putFloat(4 * i, (float) Math.abs(random.nextGaussian() * Math.pow(10, -random.nextInt(40))));
        }
        return b;
    }
}
