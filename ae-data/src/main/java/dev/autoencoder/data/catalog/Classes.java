package dev.autoencoder.data.catalog;

import dev.autoencoder.data.Dataset;
import dev.autoencoder.data.Samples;
import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * Selecting samples by label, e.g. the normal class a one-class anomaly detector trains on, and labels as the one-hot
 * vectors a class-conditional model reads.
 */
public final class Classes {
    private Classes() {
    }

    /**
     * The samples of {@code data} labelled {@code label}.
     *
     * @throws IllegalArgumentException when the data has no labels or no sample of that label
     */
    public static Dataset only(Dataset data, int label) {
        if (!data.hasLabels()) {
            throw new IllegalArgumentException("selecting class " + label + " needs labelled data, but '" + data.name()
                    + "' has no labels");
        }
        int[] members = IntStream.range(0, data.size()).filter(i -> data.label(i) == label).toArray();
        if (members.length == 0) {
            throw new IllegalArgumentException("data '" + data.name() + "' has no sample of class " + label);
        }
        return data.select(members).toDataset();
    }

    /** The number of classes of labelled samples (their largest label plus one, or their class names), 0 when unlabelled. */
    public static int count(Samples data) {
        if (!data.hasLabels()) {
            return 0;
        }
        return Math.max(data.classNames().size(), Arrays.stream(data.labels()).max().orElse(-1) + 1);
    }

    /**
     * Every sample of {@code data} flattened and followed by the one-hot vector of its label: samples
     * {@code [sampleSize + classes]}, labels kept.
     *
     * @throws IllegalArgumentException when the data has no labels or a label outside {@code [0, classes)}
     */
    public static Dataset withOneHot(Samples data, int classes) {
        if (!data.hasLabels()) {
            throw new IllegalArgumentException("a class-conditional model reads class labels, but '" + data.name()
                    + "' has no labels");
        }
        int per = data.sampleSize();
        int width = per + classes;
        float[] out = new float[Math.multiplyExact(data.size(), width)];
        int[] labels = data.labels();
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= classes) {
                throw new IllegalArgumentException("sample " + i + " of '" + data.name() + "' has label " + labels[i]
                        + ", outside the model's classes 0 to " + (classes - 1));
            }
            data.copySample(i, out, i * width);
            out[i * width + per + labels[i]] = 1;
        }
        return new Dataset(data.name(), out, new int[] {width}, labels, data.classNames());
    }
}
