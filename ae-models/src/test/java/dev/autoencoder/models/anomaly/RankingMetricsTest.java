package dev.autoencoder.models.anomaly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class RankingMetricsTest {
    private static double auroc(float[] scores, boolean[] truth) {
        return new RankingMetrics(scores, truth).auroc();
    }

    private static double ap(float[] scores, boolean[] truth) {
        return new RankingMetrics(scores, truth).averagePrecision();
    }

    @Test
    void aurocOfPerfectReversedAndUninformativeScores() {
        boolean[] truth = {false, false, true, true};
        assertEquals(1.0, auroc(new float[] {0.1f, 0.2f, 0.8f, 0.9f}, truth));
        assertEquals(0.0, auroc(new float[] {0.9f, 0.8f, 0.2f, 0.1f}, truth));
        assertEquals(0.5, auroc(new float[] {1, 1, 1, 1}, truth), "ties count one half");
    }

    @Test
    void aurocEqualsThePairwiseProbabilityWithTies() {
        Random random = new Random(3);
        for (int trial = 0; trial < 50; trial++) {
            int n = 2 + random.nextInt(40);
            float[] scores = new float[n];
            boolean[] truth = new boolean[n];
            for (int i = 0; i < n; i++) {
                scores[i] = random.nextInt(6); // many ties
                truth[i] = i < 2 ? i == 0 : random.nextBoolean();
            }
            double wins = 0;
            int pairs = 0;
            for (int p = 0; p < n; p++) {
                for (int q = 0; q < n; q++) {
                    if (truth[p] && !truth[q]) {
                        wins += scores[p] > scores[q] ? 1 : scores[p] == scores[q] ? 0.5 : 0;
                        pairs++;
                    }
                }
            }
            assertEquals(wins / pairs, auroc(scores, truth), 1e-12);
        }
    }

    @Test
    void averagePrecisionMatchesScikitLearn() {
        // sklearn.metrics.average_precision_score([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]) == 0.8333...
        assertEquals(5.0 / 6, ap(new float[] {0.1f, 0.4f, 0.35f, 0.8f}, new boolean[] {false, false, true, true}), 1e-12);
        // a tie of one anomaly and one normal sample at the top is one threshold: precision 1/2 there, then 2/3
        // average_precision_score([1, 0, 1, 0], [0.9, 0.9, 0.5, 0.1]) == 0.5 * 0.5 + 0.5 * 2/3
        assertEquals(0.5 * 0.5 + 0.5 * 2.0 / 3, ap(new float[] {0.9f, 0.9f, 0.5f, 0.1f}, new boolean[] {true, false, true, false}),
                1e-12);
        assertEquals(1.0, ap(new float[] {0.1f, 0.9f}, new boolean[] {false, true}));
    }

    @Test
    void averagePrecisionOfConstantScoresIsThePrevalence() {
        assertEquals(0.25, ap(new float[] {2, 2, 2, 2}, new boolean[] {true, false, false, false}), 1e-12);
    }

    @Test
    void refusesNonFiniteScoresAndOneClass() {
        IllegalArgumentException nan = assertThrows(IllegalArgumentException.class,
                () -> new RankingMetrics(new float[] {1, Float.NaN, 3}, new boolean[] {true, false, true}));
        assertTrue(nan.getMessage().contains("sample 1") && nan.getMessage().contains("NaN"), nan.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> new RankingMetrics(new float[] {1, Float.POSITIVE_INFINITY}, new boolean[] {true, false}));
        assertThrows(IllegalArgumentException.class, () -> new RankingMetrics(new float[] {1, 2}, new boolean[] {true, true}));
        assertThrows(IllegalArgumentException.class, () -> new RankingMetrics(new float[] {1, 2}, new boolean[] {true}));
    }
}
