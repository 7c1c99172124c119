package dev.autoencoder.models.checkpoint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autoencoder.api.DType;
import dev.autoencoder.api.Shape;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HostTensorTest {

    @Test
    void copiesItsInputAndHandsOutCopies() {
        float[] data = {1f, 2f, 3f, 4f, 5f, 6f};
        HostTensor t = HostTensor.ofFloats(Shape.of(2, 3), data);
        data[0] = 99f;
        t.toFloats()[1] = 99f;
        assertArrayEquals(new float[] {1f, 2f, 3f, 4f, 5f, 6f}, t.toFloats());
        assertEquals(DType.F32, t.dtype());
        assertEquals(Shape.of(2, 3), t.shape());
        assertEquals(6, t.size());
        assertEquals(24, t.byteSize());
        assertEquals("HostTensor[F32 [2, 3]]", t.toString());
    }

    @Test
    void convertsBetweenPrecisions() {
        HostTensor d = HostTensor.ofDoubles(Shape.of(2), new double[] {0.1, -1e300});
        assertArrayEquals(new float[] {0.1f, Float.NEGATIVE_INFINITY}, d.toFloats());
        assertArrayEquals(new double[] {0.1, -1e300}, d.toDoubles());
        assertEquals(16, d.byteSize());

        HostTensor f = HostTensor.ofFloats(Shape.scalar(), new float[] {0.1f});
        assertArrayEquals(new double[] {(double) 0.1f}, f.toDoubles());
    }

    @Test
    void rejectsDataThatDoesNotFitTheShape() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> HostTensor.ofFloats(Shape.of(2, 3), new float[5]));
        assertEquals("shape [2, 3] holds 6 elements, but 5 were given", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> HostTensor.ofDoubles(Shape.of(0, 4), new double[1]));
        assertEquals(0, HostTensor.ofDoubles(Shape.of(0, 4), new double[0]).size());
    }

    @Test
    void checkpointIsAnUnmodifiableOrderedCopy() {
        Map<String, HostTensor> tensors = new LinkedHashMap<>();
        tensors.put("z", HostTensor.ofFloats(Shape.scalar(), new float[] {1f}));
        tensors.put("a", HostTensor.ofFloats(Shape.scalar(), new float[] {2f}));
        Checkpoint checkpoint = new Checkpoint(tensors, Map.of("k", "v"));
        tensors.clear();
        assertEquals(List.of("z", "a"), List.copyOf(checkpoint.tensors().keySet()));
        assertThrows(UnsupportedOperationException.class, () -> checkpoint.tensors().remove("z"));
        assertThrows(UnsupportedOperationException.class, () -> checkpoint.metadata().put("x", "y"));
        Map<String, String> withNull = new LinkedHashMap<>();
        withNull.put("k", null);
        NullPointerException e = assertThrows(NullPointerException.class, () -> new Checkpoint(Map.of(), withNull));
        assertTrue(e.getMessage().contains("'k'"));
    }
}
