package dev.autoencoder.spark.train;

import java.io.Serializable;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Named float tensors as they travel between the driver and the workers: held as little-endian bytes, which Java
 * serialization (Spark's broadcasts and task results) writes in bulk, where it would write a {@code float[]} value
 * by value (a tenth of a synchronous step's time, measured with JFR on W1).
 */
public final class FloatTensors implements Serializable {
    private static final long serialVersionUID = 1L;

    private final LinkedHashMap<String, byte[]> bytes;

    private FloatTensors(LinkedHashMap<String, byte[]> bytes) {
        this.bytes = bytes;
    }

    /** The tensors {@code values}, in their order. */
    public static FloatTensors of(Map<String, float[]> values) {
        LinkedHashMap<String, byte[]> out = new LinkedHashMap<>();
        values.forEach((name, v) -> {
            ByteBuffer b = ByteBuffer.allocate(4 * v.length).order(ByteOrder.LITTLE_ENDIAN);
            b.asFloatBuffer().put(v);
            out.put(name, b.array());
        });
        return new FloatTensors(out);
    }

    /** The tensor {@code name}'s values. */
    public float[] get(String name) {
        byte[] b = bytes.get(name);
        float[] v = new float[b.length / 4];
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(v);
        return v;
    }

    /** The names, in order. */
    public Set<String> names() {
        return bytes.keySet();
    }

    /** The values of all tensors. */
    public long values() {
        return bytes.values().stream().mapToLong(b -> b.length / 4).sum();
    }
}
