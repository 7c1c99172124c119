package dev.autoencoder.models.anomaly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class DetectionTest {
    @Test
    void precisionAndRecallOfTheFlags() {
        Detection d = Detection.of(new boolean[] {true, true, false, true, false}, new boolean[] {true, false, true, true, false});
        assertEquals(new Detection(5, 3, 3, 2), d);
        assertEquals(2.0 / 3, d.precision(), 1e-12);
        assertEquals(2.0 / 3, d.recall(), 1e-12);
        assertEquals(0, Detection.of(new boolean[] {false, false}, new boolean[] {true, false}).precision());
        assertEquals(0, Detection.of(new boolean[] {true}, new boolean[] {false}).recall());
        assertThrows(IllegalArgumentException.class, () -> Detection.of(new boolean[1], new boolean[2]));
    }
}
