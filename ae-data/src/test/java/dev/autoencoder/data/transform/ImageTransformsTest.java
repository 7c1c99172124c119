package dev.autoencoder.data.transform;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.autoencoder.data.Dataset;
import org.junit.jupiter.api.Test;

class ImageTransformsTest {

    private static Dataset fourByFour() {
        float[] values = new float[16];
        for (int i = 0; i < 16; i++) {
            values[i] = i;
        }
        return Dataset.labeled("img", values, new int[] {1, 4, 4}, new int[] {3});
    }

    @Test
    void padsEverySide() {
        Dataset image = Dataset.unlabeled("img", new float[] {1, 2, 3, 4}, 1, 2, 2);
        Dataset padded = new Padding(1, 0, 0, 2, -1f).apply(image);
        assertArrayEquals(new int[] {1, 3, 4}, padded.sampleShape());
        assertArrayEquals(new float[] {-1, -1, -1, -1, 1, 2, -1, -1, 3, 4, -1, -1}, padded.data());
        Dataset rank2 = Padding.uniform(1).apply(Dataset.unlabeled("r", new float[] {5}, 1, 1));
        assertArrayEquals(new int[] {3, 3}, rank2.sampleShape());
        assertArrayEquals(new float[] {0, 0, 0, 0, 5, 0, 0, 0, 0}, rank2.data());
    }

    @Test
    void downscalesByAveragingBlocks() {
        Dataset small = Downscale.by(2).apply(fourByFour());
        assertArrayEquals(new int[] {1, 2, 2}, small.sampleShape());
        assertArrayEquals(new float[] {2.5f, 4.5f, 10.5f, 12.5f}, small.data());
        assertArrayEquals(new int[] {3}, small.labels());
    }

    @Test
    void downscalesAndRestoresTheSize() {
        Dataset blocky = Downscale.keepingSize(2).apply(fourByFour());
        assertArrayEquals(new int[] {1, 4, 4}, blocky.sampleShape());
        assertArrayEquals(new float[] {2.5f, 2.5f, 4.5f, 4.5f, 2.5f, 2.5f, 4.5f, 4.5f,
            10.5f, 10.5f, 12.5f, 12.5f, 10.5f, 10.5f, 12.5f, 12.5f}, blocky.data());
    }

    @Test
    void downscalingNeedsDivisibleSizes() {
        assertThrows(IllegalArgumentException.class, () -> Downscale.by(3).apply(fourByFour()));
        assertThrows(IllegalArgumentException.class,
                () -> Downscale.by(2).apply(Dataset.unlabeled("flat", new float[4], 4)));
    }
}
