package dev.autoencoder.cli.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ThresholdTest {
    private static final float[] SCORES = {5, 1, 4, 2, 3, 10, 6, 7, 9, 8};

    @Test
    void percentileIsTheNearestRank() {
        assertEquals(9, Threshold.percentile(SCORES, 90).value());
        assertEquals(10, Threshold.percentile(SCORES, 99).value());
        assertEquals(10, Threshold.percentile(SCORES, 100).value());
        assertEquals(1, Threshold.percentile(SCORES, 1).value());
        assertEquals("percentile 99 of 10 training scores", Threshold.percentile(SCORES, 99).description());
        assertThrows(IllegalArgumentException.class, () -> Threshold.percentile(SCORES, 0));
    }

    @Test
    void sigmaIsMeanPlusStandardDeviations() {
        double std = Math.sqrt(8.25);
        assertEquals(5.5 + 2 * std, Threshold.sigma(SCORES, 2).value(), 1e-6);
    }
}
