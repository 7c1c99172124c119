package dev.autoencoder.tests.conformance;

/**
 * How far one comparison's actual values were from the expected ones, over its finite elements: the evidence
 * behind the tolerances of {@link ToleranceTable} ({@code target/conformance-summary.txt} lists the worst per
 * backend, dtype, check and operation class).
 *
 * @param maxAbs the largest {@code |actual - expected|}
 * @param maxRel the largest {@code |actual - expected| / |expected|} over elements with {@code expected != 0}
 * @param used   the largest {@code |actual - expected| / (atol + rtol |expected|)}: the share of the tolerance used
 */
public record Discrepancy(double maxAbs, double maxRel, double used) {
    /** No difference at all. */
    public static final Discrepancy NONE = new Discrepancy(0, 0, 0);

    /** Measures {@code actual} against {@code expected} under {@code tolerance}; non-finite elements are skipped. */
    public static Discrepancy of(double[] actual, double[] expected, Tolerance tolerance) {
        double maxAbs = 0;
        double maxRel = 0;
        double used = 0;
        for (int i = 0; i < expected.length; i++) {
            if (!Double.isFinite(expected[i]) || !Double.isFinite(actual[i])) {
                continue;
            }
            double diff = Math.abs(actual[i] - expected[i]);
            maxAbs = Math.max(maxAbs, diff);
            if (expected[i] != 0) {
                maxRel = Math.max(maxRel, diff / Math.abs(expected[i]));
            }
            double bound = tolerance.atol() + tolerance.rtol() * Math.abs(expected[i]);
            used = Math.max(used, bound > 0 ? diff / bound : diff > 0 ? Double.POSITIVE_INFINITY : 0);
        }
        return new Discrepancy(maxAbs, maxRel, used);
    }

    /** The elementwise worst of both. */
    public Discrepancy max(Discrepancy o) {
        return new Discrepancy(Math.max(maxAbs, o.maxAbs), Math.max(maxRel, o.maxRel), Math.max(used, o.used));
    }
}
