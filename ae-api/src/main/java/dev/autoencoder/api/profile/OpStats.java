package dev.autoencoder.api.profile;

/**
 * What one primitive cost over a profiled stretch of work.
 *
 * @param op    the primitive's name, as in {@link dev.autoencoder.api.TensorBackend}
 * @param calls how often it ran
 * @param nanos wall time spent inside it, in nanoseconds
 * @param flops floating-point operations it performed (counted for products and convolutions only, else 0)
 */
public record OpStats(String op, long calls, long nanos, long flops) {
    /** These stats plus one more call. */
    OpStats plus(long callNanos, long callFlops) {
        return new OpStats(op, calls + 1, nanos + callNanos, flops + callFlops);
    }

    /** Achieved GFLOP/s, or 0 when nothing was counted. */
    public double gflopsPerSecond() {
        return nanos == 0 ? 0 : (double) flops / nanos;
    }
}
