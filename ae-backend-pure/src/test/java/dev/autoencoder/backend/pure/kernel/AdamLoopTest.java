package dev.autoencoder.backend.pure.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.autoencoder.api.AdamCoefficients;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link AdamLoop}: the Vector API loop (where this JVM has the module; the build's tests add it) writes exactly the
 * scalar loop's bits, on moments of every magnitude (some flushed to 0), on a slice that starts and ends inside a vector.
 */
class AdamLoopTest {
    @Test
    void theVectorLoopIsChosenExactlyWhenTheModuleIsPresent() {
        KernelTestSupport.assertVectorExactlyWithTheModule(AdamLoop.best(), VectorAdamLoop.class);
    }

    @Test
    void everyLoopWritesTheScalarLoopsBits() {
        Random random = new Random(9);
        int n = 301;
        float[] p = new float[n];
        float[] g = new float[n];
        float[] m = new float[n];
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            p[i] = (float) random.nextGaussian();
            g[i] = i % 5 == 0 ? 0f : (float) (random.nextGaussian() * Math.pow(10, -random.nextInt(20)));
            m[i] = (float) (random.nextGaussian() * Math.pow(10, -random.nextInt(40)));
            v[i] = (float) Math.abs(random.nextGaussian() * Math.pow(10, -random.nextInt(40)));
        }
        AdamCoefficients.F32 f = AdamCoefficients.atStep(1e-3, 0.9, 0.999, 1e-8, 17).inF32();
        float[][] expected = run(AdamLoop.scalar(), p, g, m, v, f);
        float[][] actual = run(AdamLoop.best(), p, g, m, v, f);
        for (int a = 0; a < 3; a++) {
            for (int i = 0; i < n; i++) {
                assertEquals(Float.floatToIntBits(expected[a][i]), Float.floatToIntBits(actual[a][i]),
                        "array " + a + ", element " + i);
            }
        }
    }

    private static float[][] run(AdamLoop loop, float[] p, float[] g, float[] m, float[] v, AdamCoefficients.F32 f) {
        float[][] out = {new float[p.length], new float[p.length], new float[p.length]};
        loop.step(p, g, m, v, f, out[0], out[1], out[2], 3, p.length - 5);
        return out;
    }
}
