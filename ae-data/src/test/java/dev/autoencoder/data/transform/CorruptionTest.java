package dev.autoencoder.data.transform;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autoencoder.api.random.Rng;
import dev.autoencoder.data.Dataset;
import java.util.Arrays;
import java.util.function.DoublePredicate;
import org.junit.jupiter.api.Test;

class CorruptionTest {
    private static final int N = 200;
    private static final int[] SHAPE = {1, 10, 10};

    private static Dataset halfGray() {
        float[] values = new float[N * 100];
        Arrays.fill(values, 0.5f);
        return Dataset.unlabeled("gray", values, SHAPE);
    }

    private static Noise gaussian(double sigma) {
        return new Noise(Noise.Kind.GAUSSIAN, sigma);
    }

    @Test
    void sameSeedSameCorruptionDifferentSeedDifferent() {
        Corruption noise = gaussian(0.1);
        float[] a = noise.apply(halfGray(), new Rng(7)).data();
        float[] b = noise.apply(halfGray(), new Rng(7)).data();
        float[] c = noise.apply(halfGray(), new Rng(8)).data();
        assertArrayEquals(a, b);
        assertFalse(Arrays.equals(a, c));
    }

    @Test
    void gaussianNoiseHasTheRequestedSpreadAndIsNotClamped() {
        float[] noisy = gaussian(0.2).apply(halfGray(), new Rng(1)).data();
        double mean = 0;
        for (float v : noisy) {
            mean += v;
        }
        mean /= noisy.length;
        double variance = 0;
        for (float v : noisy) {
            variance += (v - mean) * (v - mean);
        }
        assertEquals(0.5, mean, 0.01);
        assertEquals(0.2, Math.sqrt(variance / noisy.length), 0.01);
        float[] wide = gaussian(2).apply(halfGray(), new Rng(1)).data();
        assertTrue(count(wide, v -> v < 0) > wide.length / 5 && count(wide, v -> v > 1) > wide.length / 5,
                "values leave [0, 1]: no clamp");
    }

    @Test
    void maskingZeroesAboutAFractionP() {
        float[] masked = new Noise(Noise.Kind.MASKING, 0.3).apply(halfGray(), new Rng(2)).data();
        long zeros = count(masked, 0f);
        assertEquals(0.3, zeros / (double) masked.length, 0.02);
        assertEquals(masked.length - zeros, count(masked, 0.5f));
    }

    @Test
    void saltAndPepperUsesBothExtremes() {
        float[] noisy = new Noise(Noise.Kind.SALT_AND_PEPPER, 0.2).apply(halfGray(), new Rng(3)).data();
        assertEquals(0.1, count(noisy, 0f) / (double) noisy.length, 0.015);
        assertEquals(0.1, count(noisy, 1f) / (double) noisy.length, 0.015);
        assertEquals(0.8, count(noisy, 0.5f) / (double) noisy.length, 0.02);
    }

    @Test
    void floatDataGetsTheDoubleValuesRounded() {
        for (Noise.Kind kind : Noise.Kind.values()) {
            Noise noise = new Noise(kind, 0.3);
            float[] floats = halfGray().data();
            double[] doubles = new double[floats.length];
            Arrays.fill(doubles, 0.5);
            noise.corruptInPlace(floats, SHAPE, new Rng(6));
            noise.corruptInPlace(doubles, new Rng(6));
            for (int i = 0; i < floats.length; i++) {
                assertEquals((float) doubles[i], floats[i], kind + " value " + i);
            }
        }
    }

    @Test
    void levelsAreChecked() {
        assertThrows(IllegalArgumentException.class, () -> new Noise(Noise.Kind.MASKING, 1.5));
        assertThrows(IllegalArgumentException.class, () -> new Noise(Noise.Kind.SALT_AND_PEPPER, -0.1));
        assertThrows(IllegalArgumentException.class, () -> gaussian(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> new Noise(null, 0.1));
        assertEquals(gaussian(3), gaussian(3), "a sigma above 1 is fine");
        assertEquals("salt-and-pepper noise 0.2", new Noise(Noise.Kind.SALT_AND_PEPPER, 0.2).describe());
    }

    @Test
    void occlusionBlanksOneWholePatchPerImage() {
        Dataset occluded = Occlusion.square(3).apply(halfGray(), new Rng(4));
        int[] corners = new int[100];
        for (int i = 0; i < N; i++) {
            float[] image = occluded.slice(i, i + 1).features();
            assertEquals(9, count(image, 0f));
            int first = 0;
            while (image[first] != 0f) {
                first++;
            }
            corners[first]++;
            for (int dy = 0; dy < 3; dy++) {
                for (int dx = 0; dx < 3; dx++) {
                    assertEquals(0f, image[first + dy * 10 + dx]);
                }
            }
        }
        assertTrue(Arrays.stream(corners).filter(k -> k > 0).count() > 20, "patch positions vary");
        assertThrows(IllegalArgumentException.class,
                () -> Occlusion.square(11).apply(halfGray(), new Rng(4)));
    }

    @Test
    void corruptsABatchInPlace() {
        float[] batch = new float[300];
        Arrays.fill(batch, 1f);
        new Noise(Noise.Kind.MASKING, 1).corruptInPlace(batch, SHAPE, new Rng(5));
        assertEquals(300, count(batch, 0f));
        assertThrows(IllegalArgumentException.class,
                () -> new Noise(Noise.Kind.MASKING, 0.5).corruptInPlace(new float[150], SHAPE, new Rng(5)));
    }

    private static long count(float[] values, float target) {
        return count(values, v -> v == target);
    }

    private static long count(float[] values, DoublePredicate which) {
        long n = 0;
        for (float v : values) {
            n += which.test(v) ? 1 : 0;
        }
        return n;
    }
}
