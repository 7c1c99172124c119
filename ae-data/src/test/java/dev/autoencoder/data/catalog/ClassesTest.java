package dev.autoencoder.data.catalog;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.autoencoder.data.Dataset;
import org.junit.jupiter.api.Test;

class ClassesTest {
    private static final Dataset LABELLED = Dataset.labeled("pairs", new float[] {1, 2, 3, 4, 5, 6}, new int[] {1, 2},
            new int[] {2, 0, 1});

    @Test
    void eachSampleIsFlattenedAndFollowedByItsOneHotLabel() {
        Dataset withLabels = Classes.withOneHot(LABELLED, 3);
        assertArrayEquals(new int[] {5}, withLabels.sampleShape());
        assertArrayEquals(new float[] {1, 2, 0, 0, 1, 3, 4, 1, 0, 0, 5, 6, 0, 1, 0}, withLabels.data());
        assertArrayEquals(LABELLED.labels(), withLabels.labels());
        assertEquals(3, Classes.count(LABELLED));
        assertEquals(0, Classes.count(Dataset.unlabeled("plain", new float[] {1}, 1)));
    }

    @Test
    void unlabelledDataAndLabelsOutsideTheClassesAreRefused() {
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
                () -> Classes.withOneHot(Dataset.unlabeled("plain", new float[] {1, 2}, 1), 2));
        assertEquals("a class-conditional model reads class labels, but 'plain' has no labels", none.getMessage());
        IllegalArgumentException outside = assertThrows(IllegalArgumentException.class, () -> Classes.withOneHot(LABELLED, 2));
        assertEquals("sample 0 of 'pairs' has label 2, outside the model's classes 0 to 1", outside.getMessage());
    }
}
