package dev.autoencoder.api.random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autoencoder.api.InvalidArgumentException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class RngTest {
    @Test
    void sameSeedSameStreamAndKnownFirstValue() {
        assertArrayEquals(new Rng(42).uniform(100, 0, 1), new Rng(42).uniform(100, 0, 1));
        assertNotEquals(new Rng(42).nextLong(), new Rng(43).nextLong());
        // Pinned (checked against an independent SplitMix64 + xoshiro256** implementation) so that the stream
        // never changes silently between versions: checkpoints and reproducibility rely on it.
        assertEquals(-5480124913605472059L, new Rng(1).nextLong());
    }

    @Test
    void restoredStateContinuesExactlyIncludingTheSpareGaussian() {
        Rng a = new Rng(7);
        a.nextGaussian();
        Rng b = Rng.fromState(a.state());
        assertArrayEquals(a.normal(11, 0, 1), b.normal(11, 0, 1));
        assertThrows(InvalidArgumentException.class, () -> Rng.fromState(new long[3]));
    }

    @Test
    void distributionsLookRight() {
        Rng r = new Rng(3);
        double[] n = r.normal(200_000, 1, 2);
        double mean = Arrays.stream(n).average().orElseThrow();
        double var = Arrays.stream(n).map(x -> (x - mean) * (x - mean)).average().orElseThrow();
        assertEquals(1, mean, 0.02);
        assertEquals(4, var, 0.05);
        double p = Arrays.stream(r.bernoulli(100_000, 0.3)).average().orElseThrow();
        assertEquals(0.3, p, 0.01);
        int[] perm = r.permutation(1000);
        assertArrayEquals(java.util.stream.IntStream.range(0, 1000).toArray(), Arrays.stream(perm).sorted().toArray());
        assertTrue(Arrays.stream(r.uniform(1000, -2, 3)).allMatch(x -> x >= -2 && x < 3));
    }
}
