package dev.autoencoder.data.catalog;

import dev.autoencoder.data.Dataset;
import java.util.stream.IntStream;

/** Selecting samples by label, e.g. the normal class a one-class anomaly detector trains on. */
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
}
