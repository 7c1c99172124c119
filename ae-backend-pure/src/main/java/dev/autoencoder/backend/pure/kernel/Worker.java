package dev.autoencoder.backend.pure.kernel;

import java.util.concurrent.locks.LockSupport;

/**
 * One worker thread of {@link Parallel}, handed one task at a time. Between tasks it spins for
 * {@link #SPIN_NANOS} before it parks, and a caller waiting for its task spins as long before parking: a fork and
 * join then costs about a microsecond where an executor's queue and futures cost about 55 (measured on the project's
 * machine), which a training step of W1 pays some forty times.
 */
final class Worker implements Runnable {
    /**
     * How long an idle worker, or a caller waiting for one, spins before it parks: a millisecond, longer than the
     * serial stretches between the products of a training step, because waking a parked thread cost a 100-row product
     * up to twice its time (on the project's machine, after a 200 us pause).
     */
    static final long SPIN_NANOS = 1_000_000;

    private final Thread thread;
    private volatile Runnable task;
    private volatile boolean busy;
    private volatile Thread waiter;
    private volatile boolean stopped;
    /** The task's failure; written before {@link #busy} is cleared, so {@link #await} sees it. */
    private Throwable failure;

    /** Starts a daemon worker thread named {@code name}. */
    Worker(String name) {
        thread = new Thread(this, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** Hands {@code work} to the worker; the previous task must have been awaited. */
    void submit(Runnable work) {
        failure = null;
        busy = true;
        task = work;
        LockSupport.unpark(thread);
    }

    /** Waits until the submitted task has finished; returns its failure, or null. */
    Throwable await() {
        long start = System.nanoTime();
        while (busy) {
            if (System.nanoTime() - start < SPIN_NANOS) {
                Thread.onSpinWait();
            } else {
                waiter = Thread.currentThread();
                if (busy) {
                    LockSupport.park(this);
                }
                waiter = null;
            }
        }
        return failure;
    }

    /** Ends the thread once it is idle. */
    void stop() {
        stopped = true;
        LockSupport.unpark(thread);
    }

    @Override
    public void run() {
        for (Runnable work = next(); work != null; work = next()) {
            try {
                work.run();
            } catch (RuntimeException | Error e) {
                failure = e;
            }
            task = null;
            busy = false;
            Thread w = waiter;
            if (w != null) {
                LockSupport.unpark(w);
            }
        }
    }

    /** The next task, or null once stopped. */
    private Runnable next() {
        long start = System.nanoTime();
        while (true) {
            Runnable work = task;
            if (work != null) {
                return work;
            }
            if (stopped) {
                return null;
            }
            if (System.nanoTime() - start < SPIN_NANOS) {
                Thread.onSpinWait();
            } else {
                LockSupport.park(this);
            }
        }
    }
}
