package dev.autoencoder.spark.train;

import dev.autoencoder.api.random.Rng;
import java.io.Serializable;
import java.util.Arrays;

/**
 * Which samples of which partition make each global batch. Every epoch each partition shuffles its own rows with a
 * generator of (seed, epoch, partition); an epoch has {@code ceil(N / batch)} steps, and at step {@code s} partition
 * {@code p} contributes the slice {@code [s n_p / steps, (s + 1) n_p / steps)} of its order, so every sample is used
 * once an epoch and each partition's share of a batch is proportional to its size. The noise of a partition's share
 * is drawn from a generator of (seed, epoch, partition, step). A plan depends on nothing else, so a run is
 * reproducible and a single machine can replay the same global batches.
 */
public final class BatchPlan implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final long SHUFFLE_STREAM = 0x5EEDL;
    private static final long NOISE_STREAM = 0x401CEL;

    private final int[] partitionRows;
    private final long seed;
    private final int steps;
    private final long total;

    /**
     * @param partitionRows the samples of each partition, by index
     * @param batchSize     the global batch
     * @param seed          seeds every shuffle and all noise
     */
    public BatchPlan(int[] partitionRows, int batchSize, long seed) {
        this.partitionRows = partitionRows.clone();
        this.seed = seed;
        this.total = Arrays.stream(partitionRows).asLongStream().sum();
        if (batchSize < 1 || total < 1) {
            throw new IllegalArgumentException("a batch plan needs a batch of at least 1 and at least 1 sample, got " + batchSize + " and "
                    + total);
        }
        this.steps = Math.toIntExact((total + batchSize - 1) / batchSize);
    }

    /** Steps per epoch. */
    public int steps() {
        return steps;
    }

    /** Samples in all partitions. */
    public long samples() {
        return total;
    }

    /** Partitions planned for. */
    public int partitions() {
        return partitionRows.length;
    }

    /** The positions (in the partition) of partition {@code p}'s share of the batch of {@code step} in {@code epoch}. */
    public int[] share(int p, int epoch, int step) {
        long n = partitionRows[p];
        int from = (int) (step * n / steps);
        int to = (int) ((step + 1) * n / steps);
        return Arrays.copyOfRange(order(p, epoch), from, to);
    }

    /** The size of the global batch of {@code step}. */
    public int batchSize(int step) {
        int size = 0;
        for (long n : partitionRows) {
            size += (int) ((step + 1) * n / steps - step * n / steps);
        }
        return size;
    }

    /** The generator of the noise of partition {@code p}'s share at {@code step} of {@code epoch}. */
    public Rng noise(int p, int epoch, int step) {
        return new Rng(mix(NOISE_STREAM, epoch, p) * 0x2545F4914F6CDD1DL + step);
    }

    private int[] order(int p, int epoch) {
        return new Rng(mix(SHUFFLE_STREAM, epoch, p)).permutation(partitionRows[p]);
    }

    private long mix(long purpose, int epoch, int partition) {
        return ((seed * 0x9E3779B97F4A7C15L + purpose) * 31 + epoch) * 0xBF58476D1CE4E5B9L + partition;
    }
}
