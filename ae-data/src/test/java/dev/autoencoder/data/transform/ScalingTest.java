package dev.autoencoder.data.transform;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.autoencoder.data.Dataset;
import dev.autoencoder.data.bundled.BundledDigits;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScalingTest {

    @Test
    void scalesAKnownRangeToTheUnitInterval() {
        Dataset digits = BundledDigits.load();
        Dataset scaled = MinMaxScaler.ofRange(0, BundledDigits.MAX_PIXEL).apply(digits);
        assertEquals(digits.data()[3] / 16f, scaled.data()[3], 1e-7f);
        assertArrayEquals(digits.labels(), scaled.labels());
        assertArrayEquals(new int[] {1, 8, 8}, scaled.sampleShape());
        assertEquals(1797, scaled.size());
    }

    @Test
    void scalingInPlaceWritesTheSameValuesIntoTheGivenArray() {
        Dataset digits = BundledDigits.load();
        Transform scaler = MinMaxScaler.ofRange(0, BundledDigits.MAX_PIXEL);
        float[] expected = scaler.apply(digits).data();
        float[] raw = digits.data();
        Dataset scaled = scaler.applyInPlace(digits);
        assertSame(raw, scaled.data(), "no second copy of the samples");
        assertArrayEquals(expected, scaled.data());
        assertArrayEquals(digits.labels(), scaled.labels());
    }

    @Test
    void aTransformThatChangesTheSampleSizeInPlaceMakesANewArray() {
        Dataset rows = Dataset.unlabeled("rows", new float[] {1, 2, 3, 4}, 1, 2, 2);
        Dataset padded = new Padding(1, 0, 0, 0, 0f).applyInPlace(rows);
        assertArrayEquals(new int[] {1, 3, 2}, padded.sampleShape());
        assertArrayEquals(new float[] {0, 0, 1, 2, 3, 4}, padded.data());
        assertArrayEquals(new float[] {1, 2, 3, 4}, rows.data());
    }

    @Test
    void fitsMinMaxOnTrainingAndClampsOtherSplits() {
        Dataset train = Dataset.unlabeled("train", new float[] {0, 10, 2, 20, 4, 30}, 2);
        Dataset test = Dataset.unlabeled("test", new float[] {-2, 40, 3, 20}, 2);
        FeatureAffine perFeature = MinMaxScaler.fitPerFeature(train);
        assertArrayEquals(new float[] {0, 1, 0.75f, 0.5f}, perFeature.apply(test).data(), 1e-6f);
        FeatureAffine global = MinMaxScaler.fitGlobal(train);
        assertArrayEquals(new float[] {0, 1, 0.1f, 2f / 3}, global.apply(test).data(), 1e-6f);
    }

    @Test
    void standardisesWithTrainingStatisticsOnly() {
        Dataset train = Dataset.unlabeled("train", new float[] {1, 5, 3, 5, 5, 5}, 2);
        FeatureAffine standardizer = Standardizer.fitPerFeature(train);
        Dataset z = standardizer.apply(train);
        double std = Math.sqrt(8.0 / 3);
        assertArrayEquals(new float[] {(float) (-2 / std), 0, 0, 0, (float) (2 / std), 0}, z.data(), 1e-6f);
        Dataset test = Dataset.unlabeled("test", new float[] {3, 6}, 2);
        assertArrayEquals(new float[] {0, 1}, standardizer.apply(test).data(), 1e-6f);
        assertArrayEquals(new float[] {3, 5}, standardizer.offsets());
    }

    @Test
    void globalStandardisationUsesAllValues() {
        Dataset train = Dataset.unlabeled("train", new float[] {0, 2, 4, 6}, 2);
        FeatureAffine global = Standardizer.fitGlobal(train);
        assertArrayEquals(new float[] {3}, global.offsets());
        assertEquals((float) (1 / Math.sqrt(5)), global.scales()[0], 1e-6f);
    }

    @Test
    void refusesSamplesOfAnotherSize() {
        FeatureAffine fitted = Standardizer.fitPerFeature(Dataset.unlabeled("t", new float[] {1, 2, 3}, 3));
        assertThrows(IllegalArgumentException.class, () -> fitted.apply(Dataset.unlabeled("o", new float[2], 2)));
        assertThrows(IllegalArgumentException.class, () -> Standardizer.fitGlobal(
                new Dataset("e", new float[0], new int[] {2}, null, List.of())));
    }
}
