package dev.autoencoder.cli.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class AurocTest {
    @Test
    void perfectReversedAndUninformativeScores() {
        boolean[] truth = {false, false, true, true};
        assertEquals(1.0, Auroc.of(new float[] {0.1f, 0.2f, 0.8f, 0.9f}, truth));
        assertEquals(0.0, Auroc.of(new float[] {0.9f, 0.8f, 0.2f, 0.1f}, truth));
        assertEquals(0.5, Auroc.of(new float[] {1, 1, 1, 1}, truth), "ties count one half");
    }

    @Test
    void equalsThePairwiseProbability() {
        float[] scores = {0.3f, 0.7f, 0.2f, 0.7f, 0.9f, 0.1f, 0.5f};
        boolean[] truth = {false, true, false, false, true, false, true};
        double wins = 0;
        int pairs = 0;
        for (int p = 0; p < scores.length; p++) {
            for (int n = 0; n < scores.length; n++) {
                if (truth[p] && !truth[n]) {
                    wins += scores[p] > scores[n] ? 1 : scores[p] == scores[n] ? 0.5 : 0;
                    pairs++;
                }
            }
        }
        assertEquals(wins / pairs, Auroc.of(scores, truth), 1e-12);
    }

    @Test
    void needsBothClasses() {
        assertThrows(IllegalArgumentException.class, () -> Auroc.of(new float[] {1, 2}, new boolean[] {true, true}));
    }
}
