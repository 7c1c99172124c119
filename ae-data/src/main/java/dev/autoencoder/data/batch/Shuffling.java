package dev.autoencoder.data.batch;

import dev.autoencoder.data.DatasetView;
import dev.autoencoder.data.Samples;
import java.util.random.RandomGenerator;

/** Seeded shuffling: uniformly random orders drawn only from the generator the caller passes. */
public final class Shuffling {

    private Shuffling() {
    }

    /** A uniformly random permutation of {@code 0..n-1} (Fisher-Yates). */
    public static int[] permutation(int n, RandomGenerator rng) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        return order;
    }

    /** The samples in a random order, as a view (no features are copied). */
    public static DatasetView shuffle(Samples samples, RandomGenerator rng) {
        return samples.select(permutation(samples.size(), rng));
    }
}
