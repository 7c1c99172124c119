package dev.autoencoder.data.stats;

import dev.autoencoder.data.Samples;
import java.util.Arrays;

/**
 * The mean sample of each class of labelled reference data, and how often samples lie nearest (in squared distance) to
 * the mean of the class they are said to be: a classifier-free check that class-conditional draws look like their
 * class (chance is about {@code 1 / classes}).
 */
public final class ClassMeans {
    private final float[][] means;
    private final int per;

    private ClassMeans(float[][] means, int per) {
        this.means = means;
        this.per = per;
    }

    /**
     * The class means of {@code reference}.
     *
     * @throws IllegalArgumentException when it has no labels, or a class has no sample
     */
    public static ClassMeans of(Samples reference) {
        if (!reference.hasLabels()) {
            throw new IllegalArgumentException("class means need labelled data, but '" + reference.name() + "' has no labels");
        }
        int classes = Arrays.stream(reference.labels()).max().orElse(-1) + 1;
        int per = reference.sampleSize();
        double[][] sums = new double[classes][per];
        int[] counts = new int[classes];
        float[] sample = new float[per];
        for (int i = 0; i < reference.size(); i++) {
            int label = reference.label(i);
            reference.copySample(i, sample, 0);
            counts[label]++;
            for (int j = 0; j < per; j++) {
                sums[label][j] += sample[j];
            }
        }
        float[][] means = new float[classes][per];
        for (int k = 0; k < classes; k++) {
            if (counts[k] == 0) {
                throw new IllegalArgumentException("'" + reference.name() + "' has no sample of class " + k);
            }
            for (int j = 0; j < per; j++) {
                means[k][j] = (float) (sums[k][j] / counts[k]);
            }
        }
        return new ClassMeans(means, per);
    }

    /** The class whose mean is nearest to the sample at {@code offset} of row-major {@code samples}. */
    public int nearest(float[] samples, int offset) {
        int best = 0;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (int k = 0; k < means.length; k++) {
            double d = 0;
            for (int j = 0; j < per; j++) {
                double diff = samples[offset + j] - means[k][j];
                d += diff * diff;
            }
            if (d < bestDistance) {
                bestDistance = d;
                best = k;
            }
        }
        return best;
    }

    /** The share of row-major {@code samples} whose nearest class mean is their entry of {@code labels}. */
    public double agreement(float[] samples, int[] labels) {
        if (samples.length != labels.length * per) {
            throw new IllegalArgumentException(samples.length + " values are not " + labels.length + " samples of " + per);
        }
        int agree = 0;
        for (int i = 0; i < labels.length; i++) {
            agree += nearest(samples, i * per) == labels[i] ? 1 : 0;
        }
        return labels.length == 0 ? 0 : (double) agree / labels.length;
    }
}
