package dev.autoencoder.data.catalog;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autoencoder.data.Dataset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InputShapesTest {
    private static Dataset images(int n, int c, int h, int w) {
        float[] values = new float[n * c * h * w];
        for (int i = 0; i < values.length; i++) {
            values[i] = (i % 7) / 7f;
        }
        return Dataset.labeled("pictures", values, new int[] {c, h, w}, new int[n]);
    }

    @Test
    void sameSizesAreReshaped() {
        Dataset data = images(3, 1, 28, 28);
        assertSame(data, InputShapes.fit(data, List.of(1, 28, 28), "m"));
        Dataset flat = InputShapes.fit(data, List.of(784), "m");
        assertArrayEquals(new int[] {784}, flat.sampleShape());
        assertSame(data.data(), flat.data(), "a reshape shares the values");
        assertTrue(flat.hasLabels());
    }

    @Test
    void imagesArePaddedByAFewPixelsCentred() {
        Dataset padded = InputShapes.fit(images(2, 1, 28, 28), List.of(1, 32, 32), "m");
        assertArrayEquals(new int[] {1, 32, 32}, padded.sampleShape());
        float[] first = new float[32 * 32];
        padded.copySample(0, first, 0);
        assertEquals(0f, first[0]);
        assertEquals(0f, first[2 * 32 + 1]);
        assertEquals(images(1, 1, 28, 28).data()[1], first[2 * 32 + 3], "pixel (0, 1) moves to (2, 3)");
    }

    @Test
    void otherShapesAreRefusedNamingBoth() {
        var e = assertThrows(IllegalArgumentException.class, () -> InputShapes.fit(images(1, 1, 8, 8), List.of(1, 32, 32),
                "preset conv-ae"));
        assertEquals("preset conv-ae takes samples of shape [1, 32, 32] but data 'pictures' has samples of shape [1, 8, 8]",
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> InputShapes.fit(images(1, 3, 8, 8), List.of(1, 8, 8), "m"));
        assertThrows(IllegalArgumentException.class, () -> InputShapes.fit(images(1, 1, 8, 8), List.of(65), "m"));
    }

    @Test
    void newModelsFitTheData() {
        assertEquals(List.of(784), InputShapes.flat(new int[] {1, 28, 28}));
        assertEquals(List.of(1, 28, 28), InputShapes.convolutional(new int[] {1, 28, 28}, "d"));
        assertEquals(List.of(3, 32, 32), InputShapes.convolutional(new int[] {3, 30, 20}, "d"));
        assertThrows(IllegalArgumentException.class, () -> InputShapes.convolutional(new int[] {12}, "table"));
    }

    @Test
    void flatSamplesAreDrawnAsTheirImages() {
        assertArrayEquals(new int[] {1, 8, 8}, InputShapes.displayShape(List.of(64), Optional.of(new int[] {1, 8, 8})).orElseThrow());
        assertArrayEquals(new int[] {1, 32, 32}, InputShapes.displayShape(List.of(1, 32, 32), Optional.empty()).orElseThrow());
        assertTrue(InputShapes.displayShape(List.of(12), Optional.empty()).isEmpty());
        assertTrue(InputShapes.displayShape(List.of(64), Optional.of(new int[] {1, 28, 28})).isEmpty());
    }
}
