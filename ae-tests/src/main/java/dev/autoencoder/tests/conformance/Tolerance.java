package dev.autoencoder.tests.conformance;

/**
 * An accepted difference {@code |actual - expected| <= atol + rtol * |expected|}. Both bounds are always set
 * together. Non-finite values must match exactly (same infinity, or both NaN).
 *
 * @param rtol relative bound
 * @param atol absolute bound
 */
public record Tolerance(double rtol, double atol) {
    public Tolerance {
        if (!(rtol >= 0) || !(atol >= 0)) {
            throw new IllegalArgumentException("tolerances must be non-negative: rtol " + rtol + ", atol " + atol);
        }
    }

    /** Whether {@code actual} is close enough to {@code expected}. */
    public boolean accepts(double actual, double expected) {
        if (Double.isNaN(expected) || Double.isInfinite(expected)) {
            return Double.compare(actual, expected) == 0 || (Double.isNaN(actual) && Double.isNaN(expected));
        }
        return Math.abs(actual - expected) <= atol + rtol * Math.abs(expected);
    }

    @Override
    public String toString() {
        return "rtol " + rtol + ", atol " + atol;
    }
}
