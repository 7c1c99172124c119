package dev.autoencoder.data.stats;

/** Straight lines between two vectors: latent paths between codes, and the pixel blends they are compared with. */
public final class Interpolation {
    private Interpolation() {
    }

    /**
     * {@code steps} evenly spaced points from {@code from} to {@code to} (both included), row-major:
     * {@code (1 - t) from + t to} for {@code t = 0, 1/(steps-1), ..., 1}.
     */
    public static float[] linear(float[] from, float[] to, int steps) {
        if (from.length != to.length || steps < 2) {
            throw new IllegalArgumentException("a line needs two vectors of one length and at least 2 steps, got " + from.length + ", "
                    + to.length + " and " + steps);
        }
        int n = from.length;
        float[] path = new float[steps * n];
        for (int s = 0; s < steps; s++) {
            float t = (float) s / (steps - 1);
            for (int j = 0; j < n; j++) {
                path[s * n + j] = (1 - t) * from[j] + t * to[j];
            }
        }
        return path;
    }
}
