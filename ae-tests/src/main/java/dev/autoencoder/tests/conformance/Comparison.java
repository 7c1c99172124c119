package dev.autoencoder.tests.conformance;

import dev.autoencoder.api.Shape;

/** Element-by-element comparison under a {@link Tolerance}, failing with the worst offender named. */
public final class Comparison {
    private Comparison() {
    }

    /** Asserts equal shapes, then every element within {@code tolerance}; returns how close they were. */
    public static Discrepancy assertClose(String context, Shape actualShape, double[] actual, Shape expectedShape,
            double[] expected, Tolerance tolerance) {
        if (!actualShape.equals(expectedShape)) {
            throw new AssertionError(context + ": shape " + actualShape + ", expected " + expectedShape);
        }
        int failures = 0;
        int worst = -1;
        double worstExcess = -1;
        for (int i = 0; i < expected.length; i++) {
            if (!tolerance.accepts(actual[i], expected[i])) {
                failures++;
                double excess = Math.abs(actual[i] - expected[i]) / (tolerance.atol() + tolerance.rtol() * Math.abs(expected[i]));
                if (worst < 0 || !(excess <= worstExcess)) {
                    worst = i;
                    worstExcess = excess;
                }
            }
        }
        if (failures > 0) {
            throw new AssertionError(String.format("%s: %d of %d elements outside %s; worst at flat index %d: actual %.10g,"
                    + " expected %.10g (%.3g times the tolerance)", context, failures, expected.length, tolerance, worst,
                    actual[worst], expected[worst], worstExcess));
        }
        return Discrepancy.of(actual, expected, tolerance);
    }
}
