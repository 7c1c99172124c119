package dev.autoencoder.data.bundled;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autoencoder.data.Dataset;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class BundledDigitsTest {

    @Test
    void loadsTheShippedDigits() {
        Dataset digits = BundledDigits.load();
        assertEquals("digits", digits.name());
        assertEquals(1797, digits.size());
        assertArrayEquals(new int[] {1, 8, 8}, digits.sampleShape());
        int[] perClass = new int[10];
        for (int label : digits.labels()) {
            perClass[label]++;
        }
        assertArrayEquals(new int[] {178, 182, 177, 183, 181, 182, 181, 179, 174, 180}, perClass);
        float[] first = Arrays.copyOf(digits.data(), 8);
        assertArrayEquals(new float[] {0, 0, 5, 13, 9, 1, 0, 0}, first);
        assertEquals(0, digits.label(0));
        assertEquals(8, digits.label(1796));
        for (float v : digits.data()) {
            assertTrue(v >= 0 && v <= BundledDigits.MAX_PIXEL && v == Math.rint(v));
        }
    }
}
