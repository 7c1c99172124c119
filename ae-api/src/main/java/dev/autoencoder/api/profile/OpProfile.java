package dev.autoencoder.api.profile;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Running totals per primitive, safe to update from several threads; {@link #reset()} starts over. */
public final class OpProfile {
    private final Map<String, OpStats> totals = new HashMap<>();

    /** Adds one call of {@code op} that took {@code nanos} and performed {@code flops}. */
    public synchronized void record(String op, long nanos, long flops) {
        totals.merge(op, new OpStats(op, 1, nanos, flops), (old, one) -> old.plus(nanos, flops));
    }

    /** Forgets everything recorded so far (for example the warm-up). */
    public synchronized void reset() {
        totals.clear();
    }

    /** Every primitive that ran, most time first. */
    public synchronized List<OpStats> byTime() {
        List<OpStats> list = new ArrayList<>(totals.values());
        list.sort(Comparator.comparingLong(OpStats::nanos).reversed().thenComparing(OpStats::op));
        return list;
    }

    /** Wall time inside all primitives, in nanoseconds. */
    public synchronized long totalNanos() {
        return totals.values().stream().mapToLong(OpStats::nanos).sum();
    }

    /** Floating-point operations of all primitives. */
    public synchronized long totalFlops() {
        return totals.values().stream().mapToLong(OpStats::flops).sum();
    }
}
