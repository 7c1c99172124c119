package dev.autoencoder.backend.pure.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link SquareSum}: the Vector API loop (where this JVM has the module and eight-double vectors) gives the scalar loop's
 * bits, on slices of every alignment and length, and both are the plain F64 sum within rounding.
 */
class SquareSumTest {
    @Test
    void everyLoopGivesTheScalarLoopsBits() {
        Random random = new Random(13);
        float[] x = new float[1_000];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (random.nextGaussian() * Math.pow(10, random.nextInt(9) - 4));
        }
        SquareSum scalar = SquareSum.scalar();
        SquareSum best = SquareSum.best();
        for (int from = 0; from < 20; from++) {
            for (int to = from; to < x.length; to += 37) {
                assertEquals(Double.doubleToLongBits(scalar.of(x, from, to)), Double.doubleToLongBits(best.of(x, from, to)),
                        "x[" + from + ", " + to + ")");
            }
        }
        double plain = 0;
        for (float v : x) {
            plain += (double) v * v;
        }
        assertEquals(plain, best.of(x, 0, x.length), plain * 1e-13, "a different order of the same exact squares");
    }
}
