package dev.autoencoder.data.batch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autoencoder.api.random.Rng;
import dev.autoencoder.data.Dataset;
import dev.autoencoder.data.DatasetView;
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
        int[] a = Shuffling.permutation(1000, new Rng(11));
        assertArrayEquals(a, Shuffling.permutation(1000, new Rng(11)));
        assertFalse(Arrays.equals(a, Shuffling.permutation(1000, new Rng(12))));
        int[] sorted = a.clone();
        Arrays.sort(sorted);
        for (int i = 0; i < sorted.length; i++) {
            assertEquals(i, sorted[i]);
        }
    }

    @Test
    void splitsAreDisjointAndCoverEverySample() {
        Dataset digits = BundledDigits.load();
        Splits splits = Splits.shuffled(digits, 0.1, 0.2, new Rng(3));
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
    void aSliceSharesTheDatasetsArray() {
        Dataset digits = BundledDigits.load();
        DatasetView second = digits.slice(100, 200);
        assertEquals(100, second.size());
        assertEquals(100 * 64, second.features().length);
        FloatBuffer view = second.featureBuffer();
        float before = view.get(0);
        digits.data()[100 * 64] = before + 1;
        assertEquals(before + 1, view.get(0));
    }

    @Test
    void shufflesChangeWithEveryDrawButRepeatWithTheSeed() {
        Dataset digits = BundledDigits.load();
        RandomGenerator epochs = new Rng(5);
        int[] first = Shuffling.shuffle(digits, epochs).slice(0, 64).labels();
        int[] second = Shuffling.shuffle(digits, epochs).slice(0, 64).labels();
        assertFalse(Arrays.equals(first, second));
        RandomGenerator again = new Rng(5);
        assertArrayEquals(first, Shuffling.shuffle(digits, again).slice(0, 64).labels());
        assertArrayEquals(second, Shuffling.shuffle(digits, again).slice(0, 64).labels());
    }
}
