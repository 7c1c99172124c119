package dev.autoencoder.models.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HalfTest {
    private static float roundTrip(float v) {
        return Half.toFloat(Half.fromFloat(v));
    }

    @Test
    void everyFiniteHalfSurvivesTheRoundTrip() {
        for (int bits = 0; bits < 0x10000; bits++) {
            float value = Half.toFloat((short) bits);
            if (Float.isNaN(value)) {
                continue;
            }
            assertEquals((short) bits, Half.fromFloat(value), "half bits " + Integer.toHexString(bits));
        }
    }

    @Test
    void knownValues() {
        assertEquals(0x3c00, Half.fromFloat(1f) & 0xffff);
        assertEquals(0xc000, Half.fromFloat(-2f) & 0xffff);
        assertEquals(0x7bff, Half.fromFloat(65504f) & 0xffff);
        assertEquals(0x3555, Half.fromFloat(1f / 3) & 0xffff);
        assertEquals(0x0001, Half.fromFloat(0x1p-24f) & 0xffff);
        assertEquals(0x8000, Half.fromFloat(-0f) & 0xffff);
    }

    @Test
    void roundsToNearestTiesToEven() {
        assertEquals(1f, roundTrip(1f + 0x1p-11f), "a tie rounds to the even neighbour 1");
        assertEquals(1f + 0x1p-9f, roundTrip(1f + 3 * 0x1p-11f), "a tie rounds to the even neighbour 1 + 2^-9");
        assertEquals(1f + 0x1p-10f, roundTrip(1f + 0x1p-11f + 0x1p-20f), "above the tie rounds up");
        assertEquals(65504f, roundTrip(65519f));
        assertEquals(Float.POSITIVE_INFINITY, roundTrip(65520f), "the first value past the largest half overflows");
        assertEquals(0f, roundTrip(0x1p-25f), "half the smallest subnormal ties to even zero");
        assertEquals(0x1p-24f, roundTrip(3 * 0x1p-26f));
        assertEquals(2 * 0x1p-24f, roundTrip(3 * 0x1p-25f), "a subnormal tie rounds to even");
    }

    @Test
    void infinitiesAndNanSurvive() {
        assertEquals(Float.NEGATIVE_INFINITY, roundTrip(Float.NEGATIVE_INFINITY));
        assertEquals(Float.POSITIVE_INFINITY, roundTrip(1e10f));
        assertTrue(Float.isNaN(roundTrip(Float.NaN)));
    }

    @Test
    void relativeErrorIsAtMostHalfAnUlp() {
        for (float v = 1e-4f; v < 6e4f; v *= 1.0137f) {
            assertTrue(Math.abs(roundTrip(v) - v) <= v * 0x1p-11f, "value " + v);
        }
    }
}
