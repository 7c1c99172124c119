package dev.autoencoder.data.transform;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autoencoder.data.Dataset;
import dev.autoencoder.data.SeededRandom;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class CorruptionTest {
    private static final int N = 200;
    private static final int[] SHAPE = {1, 10, 10};

    private static Dataset halfGray() {
        float[] values = new float[N * 100];
        Arrays.fill(values, 0.5f);
        return Dataset.unlabeled("gray", values, SHAPE);
    }

    @Test
    void sameSeedSameCorruptionDifferentSeedDifferent() {
        Corruption noise = GaussianNoise.of(0.1);
        float[] a = noise.apply(halfGray(), SeededRandom.of(7)).data();
        float[] b = noise.apply(halfGray(), SeededRandom.of(7)).data();
        float[] c = noise.apply(halfGray(), SeededRandom.of(8)).data();
        assertArrayEquals(a, b);
        assertFalse(Arrays.equals(a, c));
    }

    @Test
    void gaussianNoiseHasTheRequestedSpreadAndClamps() {
        float[] noisy = GaussianNoise.of(0.2).apply(halfGray(), SeededRandom.of(1)).data();
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
        float[] clamped = GaussianNoise.clamped(2, 0, 1).apply(halfGray(), SeededRandom.of(1)).data();
        for (float v : clamped) {
            assertTrue(v >= 0 && v <= 1);
        }
    }

    @Test
    void maskingZeroesAboutAFractionP() {
        float[] masked = MaskingNoise.of(0.3).apply(halfGray(), SeededRandom.of(2)).data();
        long zeros = count(masked, 0f);
        assertEquals(0.3, zeros / (double) masked.length, 0.02);
        assertEquals(masked.length - zeros, count(masked, 0.5f));
    }

    @Test
    void saltAndPepperUsesBothExtremes() {
        float[] noisy = SaltAndPepperNoise.of(0.2).apply(halfGray(), SeededRandom.of(3)).data();
        assertEquals(0.1, count(noisy, 0f) / (double) noisy.length, 0.015);
        assertEquals(0.1, count(noisy, 1f) / (double) noisy.length, 0.015);
    }

    @Test
    void occlusionBlanksOneWholePatchPerImage() {
        Dataset occluded = Occlusion.square(3).apply(halfGray(), SeededRandom.of(4));
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
                () -> Occlusion.square(11).apply(halfGray(), SeededRandom.of(4)));
    }

    @Test
    void corruptsABatchInPlace() {
        float[] batch = new float[300];
        Arrays.fill(batch, 1f);
        MaskingNoise.of(1).corruptInPlace(batch, SHAPE, SeededRandom.of(5));
        assertEquals(300, count(batch, 0f));
        assertThrows(IllegalArgumentException.class,
                () -> MaskingNoise.of(0.5).corruptInPlace(new float[150], SHAPE, SeededRandom.of(5)));
        assertThrows(IllegalArgumentException.class, () -> MaskingNoise.of(1.5));
    }

    private static long count(float[] values, float target) {
        long n = 0;
        for (float v : values) {
            n += v == target ? 1 : 0;
        }
        return n;
    }
}
