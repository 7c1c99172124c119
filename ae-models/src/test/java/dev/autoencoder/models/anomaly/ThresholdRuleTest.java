package dev.autoencoder.models.anomaly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ThresholdRuleTest {
    private static final float[] SCORES = {5, 1, 4, 2, 3, 10, 6, 7, 9, 8};

    @Test
    void percentileIsTheNearestRank() {
        assertEquals(9, ThresholdRule.percentile(90).fit(SCORES).value());
        assertEquals(10, ThresholdRule.percentile(99).fit(SCORES).value());
        assertEquals(10, ThresholdRule.percentile(100).fit(SCORES).value());
        assertEquals(1, ThresholdRule.percentile(1).fit(SCORES).value());
        assertEquals("percentile 99 of 10 training scores", ThresholdRule.percentile(99).fit(SCORES).description());
        assertThrows(IllegalArgumentException.class, () -> ThresholdRule.percentile(0));
        assertThrows(IllegalArgumentException.class, () -> ThresholdRule.percentile(Double.NaN));
    }

    @Test
    void meanPlusSigmaUsesThePopulationDeviation() {
        double std = Math.sqrt(8.25);
        assertEquals(5.5 + 2 * std, ThresholdRule.meanPlusSigma(2).fit(SCORES).value(), 1e-6);
    }

    @Test
    void contaminationFlagsThatShareOfTheFittedScores() {
        Threshold t = ThresholdRule.contamination(0.2).fit(SCORES);
        int flagged = 0;
        for (float s : SCORES) {
            flagged += t.flags(s) ? 1 : 0;
        }
        assertEquals(2, flagged);
        Threshold none = ThresholdRule.contamination(0).fit(SCORES);
        assertFalse(none.flags(10));
        assertTrue(none.flags(10.5));
        assertThrows(IllegalArgumentException.class, () -> ThresholdRule.contamination(0.7));
    }

    @Test
    void fixedIgnoresTheScores() {
        assertEquals(3.5, ThresholdRule.fixed(3.5).fit(SCORES).value());
        assertThrows(IllegalArgumentException.class, () -> ThresholdRule.fixed(Double.POSITIVE_INFINITY));
    }

    @Test
    void nonFiniteScoresAreAClearError() {
        float[] bad = {1, 2, Float.NaN};
        for (ThresholdRule rule : new ThresholdRule[] {ThresholdRule.percentile(99), ThresholdRule.meanPlusSigma(3),
                ThresholdRule.contamination(0.1)}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> rule.fit(bad));
            assertTrue(e.getMessage().contains("sample 2 is NaN"), e.getMessage());
        }
    }
}
