package dev.autoencoder.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.FloatBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;

class DatasetTest {

    private static Dataset sixSamples() {
        float[] data = new float[12];
        for (int i = 0; i < data.length; i++) {
            data[i] = i;
        }
        return new Dataset("six", data, new int[] {2}, new int[] {0, 1, 2, 0, 1, 2}, List.of("a", "b", "c"));
    }

    @Test
    void describesItsSamples() {
        Dataset d = sixSamples();
        assertEquals(6, d.size());
        assertEquals(2, d.sampleSize());
        assertArrayEquals(new int[] {2}, d.sampleShape());
        assertEquals("c", d.labelName(d.label(2)));
        assertEquals("7", Dataset.unlabeled("u", new float[] {1}, 1).labelName(7));
    }

    @Test
    void rejectsInconsistentInput() {
        assertThrows(IllegalArgumentException.class, () -> Dataset.unlabeled("x", new float[5], 2));
        assertThrows(IllegalArgumentException.class, () -> Dataset.labeled("x", new float[4], new int[] {2},
                new int[] {0}));
        assertThrows(IllegalArgumentException.class, () -> new Dataset("x", new float[4], new int[] {2},
                new int[] {0, 3}, List.of("a", "b")));
        assertThrows(IllegalArgumentException.class, () -> Dataset.labeled("x", new float[4], new int[] {2},
                new int[] {0, -1}));
        assertThrows(IllegalArgumentException.class, () -> Dataset.unlabeled("x", new float[4], 0, 2));
        assertThrows(IllegalStateException.class, () -> Dataset.unlabeled("x", new float[4], 2).label(0));
    }

    @Test
    void reshapeSharesTheData() {
        Dataset d = Dataset.unlabeled("img", new float[8], 4, 2);
        Dataset r = d.reshape(1, 2, 4);
        assertSame(d.data(), r.data());
        assertArrayEquals(new int[] {1, 2, 4}, r.sampleShape());
        assertThrows(IllegalArgumentException.class, () -> d.reshape(3));
    }

    @Test
    void viewsComposeAndKeepLabels() {
        Dataset d = sixSamples();
        DatasetView odd = d.select(new int[] {5, 3, 1});
        DatasetView last = odd.select(new int[] {2, 0});
        assertEquals(1, last.sourceIndex(0));
        assertEquals(5, last.sourceIndex(1));
        assertArrayEquals(new float[] {2, 3, 10, 11}, last.features());
        assertArrayEquals(new int[] {1, 2}, last.labels());
        Dataset copy = last.toDataset();
        assertEquals(List.of("a", "b", "c"), copy.classNames());
        assertArrayEquals(new float[] {2, 3, 10, 11}, copy.data());
    }

    @Test
    void contiguousViewsShareTheArray() {
        Dataset d = sixSamples();
        DatasetView middle = d.slice(2, 4);
        assertTrue(middle.isContiguous());
        FloatBuffer buffer = middle.featureBuffer();
        assertEquals(4, buffer.remaining());
        assertEquals(4f, buffer.get(0));
        d.data()[4] = 42f;
        assertEquals(42f, buffer.get(0), "the buffer is a view of the dataset's array, not a copy");
        assertTrue(buffer.isReadOnly());
    }

    @Test
    void shuffledViewsGatherACopy() {
        Dataset d = sixSamples();
        DatasetView shuffled = d.select(new int[] {3, 0});
        assertFalse(shuffled.isContiguous());
        FloatBuffer buffer = shuffled.featureBuffer();
        d.data()[6] = -1f;
        assertEquals(6f, buffer.get(0));
    }

    @Test
    void imageShapeReadsSampleShapes() {
        assertEquals(new ImageShape(1, 28, 28), ImageShape.of(new int[] {28, 28}));
        assertEquals(new ImageShape(3, 4, 5), ImageShape.of(new int[] {3, 4, 5}));
        assertThrows(IllegalArgumentException.class, () -> ImageShape.of(new int[] {64}));
        assertArrayEquals(new int[] {6, 7}, new ImageShape(1, 6, 7).toSampleShape(2));
    }
}
