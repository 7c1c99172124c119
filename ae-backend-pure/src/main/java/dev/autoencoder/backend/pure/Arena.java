package dev.autoencoder.backend.pure;

import dev.autoencoder.api.DType;
import dev.autoencoder.api.Tensor;
import dev.autoencoder.api.TensorScope;
import java.lang.ref.SoftReference;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The F32 arrays of a pure backend's scopes, reused once their scope closes.
 *
 * <p>A training step allocates the same arrays step after step (W1 about 14 MB). Fresh arrays cost the collector's
 * pauses and a first write to memory the cache has long lost; reused ones cost neither. While a scope is open on a
 * thread, {@link #floats} lends it an array of the thread's pool (or a new one) and records the {@link Lease};
 * closing the scope marks its leases released, so that a tensor over a released array refuses to be read, and
 * returns the arrays to the pool. {@link TensorScope#keep} moves a lease (from that scope or one inside it) to the
 * scope enclosing it, or out of every scope, where it is never released. Without an open scope an array is simply new.
 *
 * <p>The pool keeps what the last outermost scope returned (and what its inner scopes did): when an outermost scope
 * closes, arrays it did not take back are dropped, so a thread holds about one step's arrays between steps, never
 * more than {@link #LIMIT}, and softly: the collector may take a pool back before it runs out of memory. Lent arrays
 * hold stale values; the callers overwrite every element. Under {@code -ea} (tests) they are filled with NaN first, so
 * that a kernel that reads before writing fails loudly.
 */
final class Arena {
    private static final boolean POISON = assertionsEnabled();
    /**
     * Floats a thread's open scopes may hold at once (144 MB); beyond it arrays are new, for the collector. A scope
     * holds every array it lent until it closes, where the collector frees each as soon as it is dead. A W2 or W3
     * step lends more than 96 MB: past the limit its ReLU backward wrote fresh arrays (8.2-9.6 ms a step against
     * 2.1-2.2 within it), and W2/W3 trained at 1,152/954 samples/s with 96 MB against 1,247/1,185 with 144 MB. W4's
     * inference, which held every unrolled step's arrays until its batch ended, peaked at 551 MB with 144 MB and 481
     * with 96; since its steps release their arrays as they go (Forward#released), 478 with 144 MB.
     */
    static final long LIMIT = 36L << 20;

    private final ThreadLocal<Lender> lenders = ThreadLocal.withInitial(Lender::new);

    /** Opens a scope on the current thread, inside the thread's innermost open one. */
    TensorScope open() {
        Lender lender = lenders.get();
        if (lender.open.isEmpty()) {
            lender.generation++;
        }
        Scope scope = new Scope(lender);
        lender.open.push(scope);
        return scope;
    }

    /**
     * An array of {@code n} floats whose every element the caller writes before reading: lent to the innermost open
     * scope of this thread (from the pool where it has one of that length), or new when no scope is open.
     */
    float[] floats(int n) {
        Lender lender = lenders.get();
        Scope scope = lender.open.peek();
        if (scope == null || lender.lent + n > LIMIT) {
            return new float[n];
        }
        float[] array = lender.take(n);
        scope.leases.put(array, new Lease());
        lender.lent += n;
        return array;
    }

    /** As {@link #floats}, for callers that add into the array: every element is 0. */
    float[] zeroedFloats(int n) {
        float[] array = floats(n);
        Arrays.fill(array, 0f);
        return array;
    }

    /** The lease of {@code array} if an open scope of this thread lent it, else null (the array is not the arena's). */
    Lease leaseOf(float[] array) {
        for (Scope scope : lenders.get().open) {
            Lease lease = scope.leases.get(array);
            if (lease != null) {
                return lease;
            }
        }
        return null;
    }

    /** Whether a tensor's array may still be read: false once the scope that lent it has closed. */
    static final class Lease {
        private boolean released;

        boolean released() {
            return released;
        }
    }

    /** One thread's open scopes, innermost first, and its pool of returned arrays by length. */
    private static final class Lender {
        final ArrayDeque<Scope> open = new ArrayDeque<>();
        /**
         * The returned arrays by length, held softly as a whole: an idle thread's pool (a Spark executor's, say) gives
         * way before memory runs out. (A soft reference per array cost W4 9% in reference processing.)
         */
        private SoftReference<Map<Integer, ArrayDeque<Pooled>>> pool = new SoftReference<>(new HashMap<>());
        /** Counts outermost scopes: arrays returned before the current one opened and not taken since are dropped. */
        long generation;
        /** Floats lent to the open scopes. */
        long lent;

        /** The pool, a new one if the collector took it. */
        private Map<Integer, ArrayDeque<Pooled>> pool() {
            Map<Integer, ArrayDeque<Pooled>> arrays = pool.get();
            if (arrays == null) {
                arrays = new HashMap<>();
                pool = new SoftReference<>(arrays);
            }
            return arrays;
        }

        float[] take(int n) {
            ArrayDeque<Pooled> free = pool().get(n);
            Pooled pooled = free == null ? null : free.pollLast();
            if (pooled == null) {
                return new float[n];
            }
            if (POISON) {
                Arrays.fill(pooled.array, Float.NaN);
            }
            return pooled.array;
        }

        void give(float[] array) {
            pool().computeIfAbsent(array.length, n -> new ArrayDeque<>()).addLast(new Pooled(array, generation));
        }

        /** Drops the arrays returned before the current outermost scope opened; it did not need them. */
        void trim() {
            for (Iterator<ArrayDeque<Pooled>> it = pool().values().iterator(); it.hasNext(); ) {
                ArrayDeque<Pooled> free = it.next();
                while (!free.isEmpty() && free.peekFirst().generation < generation) {
                    free.pollFirst();
                }
                if (free.isEmpty()) {
                    it.remove();
                }
            }
        }
    }

    private record Pooled(float[] array, long generation) {
    }

    private static final class Scope implements TensorScope {
        private final Lender lender;
        private final Map<float[], Lease> leases = new IdentityHashMap<>();
        private boolean closed;

        Scope(Lender lender) {
            this.lender = lender;
        }

        /** Moves {@code t}'s lease, from this scope or one opened inside it, to the scope enclosing this one. */
        @Override
        public Tensor keep(Tensor t) {
            if (t instanceof PureTensor pure && pure.dtype() == DType.F32) {
                float[] array = pure.floats();
                Scope outer = null;
                Lease lease = null;
                boolean inside = true;
                for (Scope s : lender.open) {
                    if (!inside) {
                        outer = s;
                        break;
                    }
                    lease = lease != null ? lease : s.leases.remove(array);
                    inside = s != this;
                }
                if (lease != null && outer != null) {
                    outer.leases.put(array, lease);
                } else if (lease != null) {
                    lender.lent -= array.length;
                }
            }
            return t;
        }

        /** Closes the scopes opened inside this one, then this one: every lease not kept is released. */
        @Override
        public void close() {
            if (closed) {
                return;
            }
            List<Scope> inner = new ArrayList<>();
            for (Scope s : lender.open) {
                if (s == this) {
                    break;
                }
                inner.add(s);
            }
            inner.forEach(Scope::close);
            closed = true;
            lender.open.remove(this);
            leases.forEach((array, lease) -> {
                lease.released = true;
                lender.lent -= array.length;
                lender.give(array);
            });
            leases.clear();
            if (lender.open.isEmpty()) {
                lender.trim();
            }
        }
    }

    private static boolean assertionsEnabled() {
        boolean enabled = false;
        assert enabled = true;
        return enabled;
    }
}
