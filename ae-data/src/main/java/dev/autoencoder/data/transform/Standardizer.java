package dev.autoencoder.data.transform;

import dev.autoencoder.data.Samples;

/**
 * Standardises values to zero mean and unit variance: {@code (x - mean) / std}, with the mean and
 * (population) standard deviation fitted on the training split only and then applied to the others,
 * so no information leaks from validation or test data. A feature with no spread is only centred.
 */
public final class Standardizer {

    private Standardizer() {
    }

    /** Standardises each feature with its own mean and standard deviation in {@code train}. */
    public static FeatureAffine fitPerFeature(Samples train) {
        FeatureStatistics stats = FeatureStatistics.of(train);
        return affine(stats.mean(), stats.variance());
    }

    /** Standardises every feature with the mean and standard deviation of all values in {@code train}. */
    public static FeatureAffine fitGlobal(Samples train) {
        FeatureStatistics stats = FeatureStatistics.of(train);
        return affine(new double[] {stats.globalMean()}, new double[] {stats.globalVariance()});
    }

    private static FeatureAffine affine(double[] mean, double[] variance) {
        float[] offsets = new float[mean.length];
        float[] scales = new float[mean.length];
        for (int j = 0; j < mean.length; j++) {
            double std = Math.sqrt(variance[j]);
            offsets[j] = (float) mean[j];
            scales[j] = std > 0 ? (float) (1.0 / std) : 1f;
        }
        return FeatureAffine.of(offsets, scales);
    }
}
