package dev.autoencoder.api;

import java.util.Set;

/**
 * Truly optional features of a backend. Every primitive is mandatory; only these may vary.
 *
 * @param dtypes the element types the backend computes in (F32 always)
 * @param device where the computation runs, e.g. {@code cpu} or {@code cuda:0}
 * @param threads compute threads the backend uses
 */
public record Capabilities(Set<DType> dtypes, String device, int threads) {
    public Capabilities {
        dtypes = Set.copyOf(dtypes);
    }

    /** Whether tensors of this dtype can be created and computed on. */
    public boolean supports(DType dtype) {
        return dtypes.contains(dtype);
    }
}
