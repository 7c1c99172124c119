package dev.autoencoder.models.train;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@link TrainingData}: whole samples, and targets that are the inputs themselves only for an autoencoder's data. */
class TrainingDataTest {
    private final float[] samples = {1, 2, 3, 4, 5, 6};

    @Test
    void anAutoencodersTargetsAreItsInputs() {
        assertTrue(TrainingData.autoencoding(samples, 3).targetsAreInputs());
    }

    @Test
    void equalTargetsInAnotherArrayAreNotTheInputs() {
        assertFalse(new TrainingData(samples, samples.clone(), new int[] {3}).targetsAreInputs());
    }

    @Test
    void partialSamplesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> TrainingData.autoencoding(samples, 4));
    }
}
