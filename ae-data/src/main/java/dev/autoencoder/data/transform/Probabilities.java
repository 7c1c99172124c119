package dev.autoencoder.data.transform;

/** Validation of probability parameters shared by the corruptions. */
final class Probabilities {

    private Probabilities() {
    }

    /** Throws {@link IllegalArgumentException} unless {@code p} is in [0, 1]. */
    static void check(double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("probability must be in [0, 1], got " + p);
        }
    }
}
