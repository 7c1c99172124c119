package dev.autoencoder.data.transform;

import dev.autoencoder.data.Samples;
import java.util.Arrays;

/**
 * Per-feature minimum, maximum, mean and (population) variance of some samples, computed in one
 * pass with Welford's update in double precision; global values are derived from them.
 */
final class FeatureStatistics {
    private final double[] min;
    private final double[] max;
    private final double[] mean;
    private final double[] variance;

    private FeatureStatistics(double[] min, double[] max, double[] mean, double[] variance) {
        this.min = min;
        this.max = max;
        this.mean = mean;
        this.variance = variance;
    }

    /** The statistics of {@code samples}; there must be at least one. */
    static FeatureStatistics of(Samples samples) {
        if (samples.size() == 0) {
            throw new IllegalArgumentException("cannot fit statistics on no samples ('" + samples.name() + "')");
        }
        int features = samples.sampleSize();
        double[] min = new double[features];
        double[] max = new double[features];
        double[] mean = new double[features];
        double[] m2 = new double[features];
        Arrays.fill(min, Double.POSITIVE_INFINITY);
        Arrays.fill(max, Double.NEGATIVE_INFINITY);
        float[] sample = new float[features];
        for (int i = 0; i < samples.size(); i++) {
            samples.copySample(i, sample, 0);
            double count = i + 1;
            for (int j = 0; j < features; j++) {
                double x = sample[j];
                min[j] = Math.min(min[j], x);
                max[j] = Math.max(max[j], x);
                double delta = x - mean[j];
                mean[j] += delta / count;
                m2[j] += delta * (x - mean[j]);
            }
        }
        for (int j = 0; j < features; j++) {
            m2[j] /= samples.size();
        }
        return new FeatureStatistics(min, max, mean, m2);
    }

    double[] min() {
        return min;
    }

    double[] max() {
        return max;
    }

    double[] mean() {
        return mean;
    }

    double[] variance() {
        return variance;
    }

    double globalMin() {
        return Arrays.stream(min).min().orElseThrow();
    }

    double globalMax() {
        return Arrays.stream(max).max().orElseThrow();
    }

    /** The mean over all features (features have equal counts). */
    double globalMean() {
        return Arrays.stream(mean).average().orElseThrow();
    }

    /** The variance over all values: mean within-feature variance plus the variance of the feature means. */
    double globalVariance() {
        double overall = globalMean();
        double sum = 0;
        for (int j = 0; j < mean.length; j++) {
            double d = mean[j] - overall;
            sum += variance[j] + d * d;
        }
        return sum / mean.length;
    }
}
