package dev.autoencoder.data;

import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * The one way ae-data turns a seed into a random source. Every random operation in this module
 * (shuffling, splits, corruption, occlusion) takes a {@link RandomGenerator} from the caller and
 * never touches global state; this helper only fixes the algorithm behind a plain {@code long}
 * seed ({@link SplittableRandom}, whose output is specified and therefore the same on every JVM).
 */
public final class SeededRandom {

    private SeededRandom() {
    }

    /** A new generator seeded with {@code seed}: the same seed always gives the same sequence. */
    public static RandomGenerator of(long seed) {
        return new SplittableRandom(seed);
    }
}
