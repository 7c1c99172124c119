package dev.autoencoder.data.stats;

/** Reconstruction errors of values in [0, 1]: mean squared error, PSNR, per-sample errors. */
public final class ErrorMetrics {
    private ErrorMetrics() {
    }

    /** The mean squared difference of two arrays of the same length. */
    public static double mse(float[] a, float[] b) {
        requireSameLength(a, b);
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            double d = a[i] - b[i];
            sum += d * d;
        }
        return a.length == 0 ? 0 : sum / a.length;
    }

    /** The peak signal-to-noise ratio in dB for values in [0, 1]: {@code 10 log10(1 / mse)} (infinite for 0). */
    public static double psnr(double mse) {
        return 10 * Math.log10(1 / mse);
    }

    /** The mean squared difference of each sample of {@code per} values. */
    public static float[] perSampleMse(float[] a, float[] b, int per) {
        requireSameLength(a, b);
        float[] out = new float[a.length / per];
        for (int s = 0; s < out.length; s++) {
            double sum = 0;
            for (int i = s * per; i < (s + 1) * per; i++) {
                double d = a[i] - b[i];
                sum += d * d;
            }
            out[s] = (float) (sum / per);
        }
        return out;
    }

    private static void requireSameLength(float[] a, float[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("cannot compare " + a.length + " values with " + b.length);
        }
    }
}
