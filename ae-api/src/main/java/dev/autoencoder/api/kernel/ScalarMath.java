package dev.autoencoder.api.kernel;

/** The plain-Java twins of {@link VectorMath}'s functions that have no exact JDK method, computed in F64. */
public final class ScalarMath {
    private ScalarMath() {
    }

    /** The logistic function without overflow ({@code exp} of a non-positive argument only), the F64 sigmoid. */
    public static double sigmoid(double x) {
        if (x >= 0) {
            return 1.0 / (1.0 + Math.exp(-x));
        }
        double e = Math.exp(x);
        return e / (1.0 + e);
    }
}
