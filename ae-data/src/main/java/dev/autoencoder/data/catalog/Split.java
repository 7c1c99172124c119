package dev.autoencoder.data.catalog;

import dev.autoencoder.data.Dataset;
import java.util.Locale;

/** Which part of the data a command works on. */
public enum Split {
    /** The training part. */
    TRAIN,
    /** The test part (the default: data the model never trained on). */
    TEST,
    /** Both, training part first. */
    ALL;

    /** This part of {@code train} and {@code test}, which have the same sample shape. */
    public Dataset of(Dataset train, Dataset test) {
        return switch (this) {
            case TRAIN -> train;
            case TEST -> test;
            case ALL -> concat(train, test);
        };
    }

    private static Dataset concat(Dataset a, Dataset b) {
        float[] values = new float[a.data().length + b.data().length];
        System.arraycopy(a.data(), 0, values, 0, a.data().length);
        System.arraycopy(b.data(), 0, values, a.data().length, b.data().length);
        int[] labels = null;
        if (a.hasLabels() && b.hasLabels()) {
            labels = new int[a.size() + b.size()];
            System.arraycopy(a.labels(), 0, labels, 0, a.size());
            System.arraycopy(b.labels(), 0, labels, a.size(), b.size());
        }
        return new Dataset(a.name(), values, a.sampleShape(), labels, a.classNames());
    }

    /** The lower-case name, as options spell it: {@code test}. */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
