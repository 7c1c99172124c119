package dev.autoencoder.backend.pure.kernel;

import java.util.concurrent.locks.ReentrantLock;

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
    /** Workers for chunks 1..threads-1; empty when {@code threads == 1}. */
    private final Worker[] workers;
    /** Held by the caller whose chunks the workers run; a concurrent caller runs its chunks itself. */
    private final ReentrantLock forking = new ReentrantLock();
    private volatile boolean closed;
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
        this.workers = new Worker[threads - 1];
        for (int i = 0; i < workers.length; i++) {
            workers[i] = new Worker("ae-pure-" + (i + 1));
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
     * {@code minChunk} and thread count. The caller thread runs chunk 0, workers the others (or the caller all of
     * them, in order, while another thread's call has the workers); the
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
            return;
        }
        if (closed) {
            throw new IllegalStateException("Parallel has been closed");
        }
        if (insideChunk.get() || !forking.tryLock()) {
            for (int i = 0; i < chunks; i++) {
                body.run(start(i, chunks, n), start(i + 1, chunks, n));
            }
            return;
        }
        try {
            forkChunks(n, chunks, body);
        } finally {
            forking.unlock();
        }
    }

    private void forkChunks(int n, int chunks, RangeBody body) {
        for (int i = 1; i < chunks; i++) {
            int s = start(i, chunks, n);
            int e = start(i + 1, chunks, n);
            workers[i - 1].submit(() -> runChunk(body, s, e));
        }
        Throwable failure = null;
        try {
            runChunk(body, 0, start(1, chunks, n));
        } catch (RuntimeException | Error ex) {
            failure = ex;
        }
        for (int i = 1; i < chunks; i++) {
            Throwable t = workers[i - 1].await();
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

    private static int start(int chunk, int chunks, int n) {
        return (int) ((long) chunk * n / chunks);
    }

    /** Stops the worker threads; a later {@link #forRange} that needs them throws {@link IllegalStateException}. */
    @Override
    public void close() {
        closed = true;
        for (Worker worker : workers) {
            worker.stop();
        }
    }

    /** The work for one contiguous chunk {@code [start, end)} of a range. */
    @FunctionalInterface
    public interface RangeBody {
        /** Processes the indices {@code start} (inclusive) to {@code end} (exclusive). */
        void run(int start, int end);
    }
}
