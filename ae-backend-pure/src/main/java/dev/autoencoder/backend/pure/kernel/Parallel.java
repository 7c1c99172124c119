package dev.autoencoder.backend.pure.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fixed pool of worker threads that splits index ranges into contiguous, deterministic chunks.
 *
 * <p>Kernels use it to spread independent work (rows of a matrix product, images of a batch) over
 * the cores. The split depends only on the range length, the minimum chunk and the thread count,
 * never on scheduling, so a kernel that gives each chunk its own output (or combines per-chunk
 * partial results in chunk order) is bit-for-bit reproducible for a fixed thread count.
 *
 * <p>A body that itself calls {@link #forRange} (on this instance) gets the same chunks, run one
 * after another on its own thread: nesting never deadlocks and never oversubscribes the pool.
 */
public final class Parallel implements AutoCloseable {

    private final int threads;
    /** Workers for chunks 1..threads-1; {@code null} when {@code threads == 1}. */
    private final ExecutorService pool;
    /** True on a thread while it runs a chunk of this instance: nested calls then run inline. */
    private final ThreadLocal<Boolean> insideChunk = ThreadLocal.withInitial(() -> Boolean.FALSE);

    /**
     * Creates the pool.
     *
     * @param threads number of threads that run chunks, the caller included ({@code >= 1});
     *                1 means everything runs on the caller thread and no thread is started.
     *                Workers are daemon threads named {@code ae-pure-1}, {@code ae-pure-2}, ...
     */
    public Parallel(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        this.threads = threads;
        if (threads == 1) {
            this.pool = null;
        } else {
            AtomicInteger index = new AtomicInteger();
            this.pool = Executors.newFixedThreadPool(threads - 1, task -> {
                Thread t = new Thread(task, "ae-pure-" + index.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
        }
    }

    /** The number of threads that run chunks (the caller included), as given to the constructor. */
    public int threads() {
        return threads;
    }

    /**
     * Runs {@code body(start, end)} over {@code [0, n)} split into at most {@link #threads()}
     * contiguous chunks. Chunk {@code i} of {@code c} covers {@code [i*n/c, (i+1)*n/c)}, where
     * {@code c = min(threads, n / minChunk)}, so the split is the same for the same {@code n},
     * {@code minChunk} and thread count. The caller thread runs chunk 0, workers the others; the
     * call returns when all chunks have finished and then rethrows the exception of the lowest
     * failing chunk (the others are attached as suppressed). Small ranges
     * ({@code n < 2 * minChunk}) run inline as one chunk; {@code n == 0} runs nothing.
     *
     * @param n        length of the range, {@code >= 0}
     * @param minChunk smallest chunk worth a thread, {@code >= 1}
     * @param body     the work for one chunk; chunks run concurrently
     */
    public void forRange(int n, int minChunk, RangeBody body) {
        if (n < 0 || minChunk < 1) {
            throw new IllegalArgumentException("need n >= 0 and minChunk >= 1, got n=" + n + ", minChunk=" + minChunk);
        }
        if (n == 0) {
            return;
        }
        int chunks = n < 2L * minChunk ? 1 : Math.min(threads, n / minChunk);
        if (chunks == 1) {
            body.run(0, n);
        } else if (insideChunk.get()) {
            for (int i = 0; i < chunks; i++) {
                body.run(start(i, chunks, n), start(i + 1, chunks, n));
            }
        } else {
            forkChunks(n, chunks, body);
        }
    }

    private void forkChunks(int n, int chunks, RangeBody body) {
        if (pool.isShutdown()) {
            throw new IllegalStateException("Parallel has been closed");
        }
        List<Future<?>> futures = new ArrayList<>(chunks - 1);
        for (int i = 1; i < chunks; i++) {
            int s = start(i, chunks, n);
            int e = start(i + 1, chunks, n);
            futures.add(pool.submit(() -> runChunk(body, s, e)));
        }
        Throwable failure = null;
        try {
            runChunk(body, 0, start(1, chunks, n));
        } catch (RuntimeException | Error ex) {
            failure = ex;
        }
        for (Future<?> f : futures) {
            Throwable t = awaitUninterruptibly(f);
            if (t != null) {
                if (failure == null) {
                    failure = t;
                } else {
                    failure.addSuppressed(t);
                }
            }
        }
        if (failure instanceof Error) {
            throw (Error) failure;
        }
        if (failure != null) {
            throw (RuntimeException) failure; // a RangeBody cannot throw checked exceptions
        }
    }

    private void runChunk(RangeBody body, int start, int end) {
        insideChunk.set(Boolean.TRUE);
        try {
            body.run(start, end);
        } finally {
            insideChunk.set(Boolean.FALSE);
        }
    }

    /** Waits for {@code f} even when interrupted (re-asserting the interrupt); returns its failure or null. */
    private static Throwable awaitUninterruptibly(Future<?> f) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    f.get();
                    return null;
                } catch (ExecutionException ex) {
                    return ex.getCause();
                } catch (InterruptedException ex) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static int start(int chunk, int chunks, int n) {
        return (int) ((long) chunk * n / chunks);
    }

    /** Stops the worker threads; a later {@link #forRange} that needs them throws {@link IllegalStateException}. */
    @Override
    public void close() {
        if (pool != null) {
            pool.shutdown();
        }
    }

    /** The work for one contiguous chunk {@code [start, end)} of a range. */
    @FunctionalInterface
    public interface RangeBody {
        /** Processes the indices {@code start} (inclusive) to {@code end} (exclusive). */
        void run(int start, int end);
    }
}
