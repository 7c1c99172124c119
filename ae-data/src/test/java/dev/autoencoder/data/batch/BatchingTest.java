package dev.autoencoder.data.batch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autoencoder.data.Dataset;
import dev.autoencoder.data.DatasetView;
import dev.autoencoder.data.SeededRandom;
import dev.autoencoder.data.bundled.BundledDigits;
import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class BatchingTest {

    @Test
    void permutationsAreSeededAndComplete() {
        int[] a = Shuffling.permutation(1000, SeededRandom.of(11));
        assertArrayEquals(a, Shuffling.permutation(1000, SeededRandom.of(11)));
        assertFalse(Arrays.equals(a, Shuffling.permutation(1000, SeededRandom.of(12))));
        int[] sorted = a.clone();
        Arrays.sort(sorted);
        for (int i = 0; i < sorted.length; i++) {
            assertEquals(i, sorted[i]);
        }
    }

    @Test
    void splitsAreDisjointAndCoverEverySample() {
        Dataset digits = BundledDigits.load();
        Splits splits = Splits.shuffled(digits, 0.1, 0.2, SeededRandom.of(3));
        assertEquals(359, splits.test().size());
        assertEquals(180, splits.validation().size());
        assertEquals(1797 - 359 - 180, splits.train().size());
        Set<Integer> seen = new HashSet<>();
        for (DatasetView part : List.of(splits.train(), splits.validation(), splits.test())) {
            for (int i = 0; i < part.size(); i++) {
                assertTrue(seen.add(part.sourceIndex(i)));
            }
        }
        assertEquals(1797, seen.size());
        assertEquals(digits.label(splits.test().sourceIndex(5)), splits.test().label(5));
    }

    @Test
    void inOrderSplitsKeepTimeOrder() {
        Dataset series = Dataset.unlabeled("s", new float[10], 1);
        Splits splits = Splits.inOrder(series, 0.2, 0.2);
        assertEquals(0, splits.train().sourceIndex(0));
        assertEquals(6, splits.validation().sourceIndex(0));
        assertEquals(9, splits.test().sourceIndex(1));
        assertThrows(IllegalArgumentException.class, () -> Splits.inOrder(series, 0.5, 0.5));
    }

    @Test
    void batchesHaveAFixedSizeAndAPartialLastBatch() {
        Dataset digits = BundledDigits.load();
        List<DatasetView> batches = Batches.of(digits, 256);
        assertEquals(8, batches.size());
        assertEquals(Batches.count(1797, 256), batches.size());
        assertEquals(256, batches.get(0).size());
        assertEquals(1797 - 7 * 256, batches.get(7).size());
        assertEquals(256 * 64, batches.get(0).features().length);
    }

    @Test
    void unshuffledBatchesShareTheDatasetsArray() {
        Dataset digits = BundledDigits.load();
        DatasetView second = Batches.of(digits, 100).get(1);
        FloatBuffer view = second.featureBuffer();
        float before = view.get(0);
        digits.data()[100 * 64] = before + 1;
        assertEquals(before + 1, view.get(0));
    }

    @Test
    void shuffledBatchesChangeEveryEpochButRepeatWithTheSeed() {
        Dataset digits = BundledDigits.load();
        RandomGenerator epochs = SeededRandom.of(5);
        int[] first = Batches.shuffled(digits, 64, epochs).get(0).labels();
        int[] second = Batches.shuffled(digits, 64, epochs).get(0).labels();
        assertFalse(Arrays.equals(first, second));
        RandomGenerator again = SeededRandom.of(5);
        assertArrayEquals(first, Batches.shuffled(digits, 64, again).get(0).labels());
        assertArrayEquals(second, Batches.shuffled(digits, 64, again).get(0).labels());
    }
}
