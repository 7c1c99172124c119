package dev.autoencoder.data.batch;

import dev.autoencoder.data.DatasetView;
import dev.autoencoder.data.Samples;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Cuts samples into consecutive batches of a fixed size; the last batch holds the remainder and may
 * be smaller. Each batch is a view: {@link DatasetView#featureBuffer()} shares the dataset's array
 * when the batch is contiguous in it (no shuffling), and {@link DatasetView#features()} gathers a
 * copy ready for a tensor of shape {@code [batchSize, sampleShape...]}.
 */
public final class Batches {

    private Batches() {
    }

    /** Batches of {@code batchSize} in the samples' order. */
    public static List<DatasetView> of(Samples samples, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
        }
        List<DatasetView> batches = new ArrayList<>(count(samples.size(), batchSize));
        for (int from = 0; from < samples.size(); from += batchSize) {
            batches.add(samples.slice(from, Math.min(samples.size(), from + batchSize)));
        }
        return batches;
    }

    /** Batches of {@code batchSize} after a seeded shuffle: call once per epoch with the same generator. */
    public static List<DatasetView> shuffled(Samples samples, int batchSize, RandomGenerator rng) {
        return of(Shuffling.shuffle(samples, rng), batchSize);
    }

    /** The number of batches {@link #of} returns: {@code ceil(n / batchSize)}. */
    public static int count(int n, int batchSize) {
        return (n + batchSize - 1) / batchSize;
    }
}
