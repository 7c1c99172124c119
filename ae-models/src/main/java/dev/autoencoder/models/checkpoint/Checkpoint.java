package dev.autoencoder.models.checkpoint;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a safetensors file holds: named tensors and string metadata (model spec, training config and provenance
 * are JSON strings in it). Both maps are unmodifiable and keep their order; {@link SafeTensors#read} gives the
 * tensors in the order of their data in the file.
 *
 * @param tensors  the tensors by name, in order
 * @param metadata the header's {@code __metadata__} entries, in order (empty when the file has none)
 */
public record Checkpoint(Map<String, HostTensor> tensors, Map<String, String> metadata) {

    /** Copies both maps into unmodifiable ordered maps; null names, tensors, keys or values are rejected. */
    public Checkpoint {
        tensors = frozenCopy(tensors, "tensors");
        metadata = frozenCopy(metadata, "metadata");
    }

    private static <V> Map<String, V> frozenCopy(Map<String, V> map, String what) {
        Objects.requireNonNull(map, what);
        Map<String, V> copy = new LinkedHashMap<>(map);
        copy.forEach((key, value) -> {
            Objects.requireNonNull(key, () -> what + " has a null key");
            Objects.requireNonNull(value, () -> what + " has a null value for '" + key + "'");
        });
        return Collections.unmodifiableMap(copy);
    }
}
