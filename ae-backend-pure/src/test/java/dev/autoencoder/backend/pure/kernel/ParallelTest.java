package dev.autoencoder.backend.pure.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** {@link Parallel}: the split into chunks, the threads that run them, failures and nesting. */
class ParallelTest {

    @Test
    void oneThreadRunsEverythingOnTheCaller() {
        try (Parallel parallel = new Parallel(1)) {
            assertEquals(1, parallel.threads());
            List<Thread> seen = Collections.synchronizedList(new ArrayList<>());
            List<int[]> ranges = Collections.synchronizedList(new ArrayList<>());
            parallel.forRange(1000, 1, (s, e) -> {
                seen.add(Thread.currentThread());
                ranges.add(new int[] {s, e});
            });
            assertEquals(List.of(Thread.currentThread()), seen);
            assertEquals(0, ranges.get(0)[0]);
            assertEquals(1000, ranges.get(0)[1]);
        }
    }

    @Test
    void chunksAreContiguousBoundedAndTheSameEveryTime() {
        try (Parallel parallel = new Parallel(3)) {
            for (int n : new int[] {0, 1, 5, 7, 8, 100, 1001}) {
                for (int minChunk : new int[] {1, 4, 50}) {
                    List<int[]> first = chunks(parallel, n, minChunk);
                    assertEquals(toString(first), toString(chunks(parallel, n, minChunk)), "n=" + n);
                    int expected = n == 0 ? 0 : n < 2 * minChunk ? 1 : Math.min(3, n / minChunk);
                    assertEquals(expected, first.size(), "chunks for n=" + n + " minChunk=" + minChunk);
                    int next = 0;
                    for (int[] r : first) {
                        assertEquals(next, r[0], "contiguous");
                        assertTrue(r[1] > r[0], "non-empty");
                        next = r[1];
                    }
                    assertEquals(n, next, "covers [0, n)");
                }
            }
        }
    }

    @Test
    void callerRunsChunkZeroAndNamedDaemonWorkersRunTheRest() {
        try (Parallel parallel = new Parallel(3)) {
            ConcurrentHashMap<Integer, Thread> byStart = new ConcurrentHashMap<>();
            parallel.forRange(300, 1, (s, e) -> byStart.put(s, Thread.currentThread()));
            assertEquals(3, byStart.size());
            assertSame(Thread.currentThread(), byStart.get(0));
            for (int start : new int[] {100, 200}) {
                Thread worker = byStart.get(start);
                assertTrue(worker.isDaemon(), "daemon");
                assertTrue(worker.getName().matches("ae-pure-\\d+"), worker.getName());
            }
        }
    }

    @Test
    void rethrowsTheFirstFailingChunkAfterAllChunksFinished() {
        try (Parallel parallel = new Parallel(2)) {
            AtomicInteger finished = new AtomicInteger();
            IllegalStateException thrown = assertThrows(IllegalStateException.class, () ->
                    parallel.forRange(10, 1, (s, e) -> {
                        if (s > 0) {
                            throw new IllegalStateException("chunk " + s);
                        }
                        sleep(50);
                        finished.incrementAndGet();
                    }));
            assertEquals("chunk 5", thrown.getMessage());
            assertEquals(1, finished.get(), "chunk 0 completed before the rethrow");
            // the pool is still usable afterwards
            AtomicLong sum = new AtomicLong();
            parallel.forRange(10, 1, (s, e) -> sum.addAndGet(e - s));
            assertEquals(10, sum.get());
        }
    }

    @Test
    void nestedCallsRunTheSameChunksInlineWithoutDeadlock() {
        try (Parallel parallel = new Parallel(2)) {
            List<String> inner = Collections.synchronizedList(new ArrayList<>());
            ConcurrentHashMap<Integer, String> outerThreads = new ConcurrentHashMap<>();
            assertTimeoutPreemptively(Duration.ofSeconds(10), () ->
                    parallel.forRange(4, 1, (s, e) -> {
                        outerThreads.put(s, Thread.currentThread().getName());
                        parallel.forRange(100, 1, (s2, e2) ->
                                inner.add(s + ":" + s2 + "-" + e2 + "@" + Thread.currentThread().getName()));
                    }));
            List<String> sorted = new ArrayList<>(inner);
            Collections.sort(sorted);
            assertEquals(List.of(
                    "0:0-50@" + outerThreads.get(0), "0:50-100@" + outerThreads.get(0),
                    "2:0-50@" + outerThreads.get(2), "2:50-100@" + outerThreads.get(2)), sorted,
                    "each outer chunk runs the same two inner chunks on its own thread");
            assertTrue(!outerThreads.get(0).equals(outerThreads.get(2)), "outer chunks ran on two threads");
        }
    }

    @Test
    void rejectsBadArgumentsAndUseAfterClose() {
        assertThrows(IllegalArgumentException.class, () -> new Parallel(0));
        Parallel parallel = new Parallel(2);
        assertThrows(IllegalArgumentException.class, () -> parallel.forRange(-1, 1, (s, e) -> { }));
        assertThrows(IllegalArgumentException.class, () -> parallel.forRange(10, 0, (s, e) -> { }));
        parallel.close();
        assertThrows(IllegalStateException.class, () -> parallel.forRange(10, 1, (s, e) -> { }));
        AtomicInteger inline = new AtomicInteger();
        parallel.forRange(1, 1, (s, e) -> inline.incrementAndGet());
        assertEquals(1, inline.get(), "a single chunk still runs on the caller");
    }

    private static List<int[]> chunks(Parallel parallel, int n, int minChunk) {
        List<int[]> ranges = Collections.synchronizedList(new ArrayList<>());
        parallel.forRange(n, minChunk, (s, e) -> ranges.add(new int[] {s, e}));
        List<int[]> sorted = new ArrayList<>(ranges);
        sorted.sort(Comparator.comparingInt(r -> r[0]));
        return sorted;
    }

    private static String toString(List<int[]> ranges) {
        StringBuilder sb = new StringBuilder();
        for (int[] r : ranges) {
            sb.append('[').append(r[0]).append(',').append(r[1]).append(')');
        }
        return sb.toString();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }
}
