package dev.autoencoder.data.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.autoencoder.data.Dataset;
import org.junit.jupiter.api.Test;

class ClassMeansTest {
    /** Class 0 around (0, 0), class 1 around (10, 10). */
    private static final Dataset REFERENCE = Dataset.labeled("two", new float[] {-1, 0, 1, 0, 9, 10, 11, 10}, new int[] {2},
            new int[] {0, 0, 1, 1});

    @Test
    void samplesAgreeWhenTheNearestMeanIsTheirClasss() {
        ClassMeans means = ClassMeans.of(REFERENCE);
        float[] samples = {1, 1, 8, 9, 2, 2, 6, 6};
        assertEquals(1, means.nearest(samples, 2));
        assertEquals(1.0, means.agreement(samples, new int[] {0, 1, 0, 1}));
        assertEquals(0.25, means.agreement(samples, new int[] {1, 0, 1, 1}));
    }

    @Test
    void unlabelledReferencesAndMissingClassesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> ClassMeans.of(Dataset.unlabeled("plain", new float[] {1, 2}, 2)));
        IllegalArgumentException gap = assertThrows(IllegalArgumentException.class,
                () -> ClassMeans.of(Dataset.labeled("gap", new float[] {1, 2}, new int[] {1}, new int[] {0, 2})));
        assertEquals("'gap' has no sample of class 1", gap.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ClassMeans.of(REFERENCE).agreement(new float[] {1, 2, 3}, new int[] {0}));
    }
}
