package dev.autoencoder.data.transform;

import dev.autoencoder.data.Samples;

/**
 * Scales values to [0, 1]: {@code (x - min) / (max - min)}, clamped so that values of other splits
 * outside the training range stay in [0, 1] (as a sigmoid/BCE decoder requires). A feature whose
 * range is empty maps to 0.
 */
public final class MinMaxScaler {

    private MinMaxScaler() {
    }

    /** Scales a known value range, e.g. {@code ofRange(0, 255)} for 8-bit pixels. */
    public static FeatureAffine ofRange(double min, double max) {
        return affine(new double[] {min}, new double[] {max});
    }

    /** Scales with the smallest and largest value of all features of {@code train} (images). */
    public static FeatureAffine fitGlobal(Samples train) {
        FeatureStatistics stats = FeatureStatistics.of(train);
        return ofRange(stats.globalMin(), stats.globalMax());
    }

    /** Scales each feature with its own range in {@code train} (tabular data). */
    public static FeatureAffine fitPerFeature(Samples train) {
        FeatureStatistics stats = FeatureStatistics.of(train);
        return affine(stats.min(), stats.max());
    }

    private static FeatureAffine affine(double[] min, double[] max) {
        float[] offsets = new float[min.length];
        float[] scales = new float[min.length];
        for (int j = 0; j < min.length; j++) {
            if (!(max[j] >= min[j])) {
                throw new IllegalArgumentException("range [" + min[j] + ", " + max[j] + "] is empty");
            }
            offsets[j] = (float) min[j];
            scales[j] = max[j] > min[j] ? (float) (1.0 / (max[j] - min[j])) : 0f;
        }
        return FeatureAffine.of(offsets, scales).clampedTo(0f, 1f);
    }
}
