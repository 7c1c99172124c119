package dev.autoencoder.spark.train;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * What {@code treeReduce} sums over the partitions: named tensors, each partition's weighted by its share (the
 * gradients of a synchronous step, or the parameters and optimizer slots after a round of local SGD), each loss term
 * summed over the samples it was measured on, and the samples covered. The sum over all partitions is the mean
 * gradient (or the averaged model) of the whole batch.
 *
 * <p>One partition's part travels as its float tensors and its weight: 4 bytes per value from each worker. Spark
 * merges the parts in the order their tasks finish, and floating-point addition is not associative, so a plain sum
 * would differ in the last bit from run to run. Merged parts are therefore held in double-double arithmetic (each
 * weighted value rounded once to double, then summed with Knuth's TwoSum, which keeps each addition's rounding error
 * in a second double): the pair holds the exact sum whenever the parts' exponents lie within 53 bits of each other,
 * so its value rounded to float does not depend on the merge order, and a run is reproducible bit for bit. Loss terms
 * are plain double sums (they are reported, not trained on).
 */
public final class WeightedSum implements Serializable {
    private static final long serialVersionUID = 1L;

    /** One partition's unweighted tensors (null once merged). */
    private FloatTensors part;
    private double weight;
    /** Merged parts, each tensor as {@code [high parts, low parts]}. */
    private Map<String, double[][]> merged;
    private final Map<String, Double> lossSums;
    private int samples;

    private WeightedSum(FloatTensors part, double weight, Map<String, double[][]> merged, Map<String, Double> lossSums,
            int samples) {
        this.part = part;
        this.weight = weight;
        this.merged = merged;
        this.lossSums = lossSums;
        this.samples = samples;
    }

    /** The sum of nothing: the zero of the aggregation. */
    public static WeightedSum empty() {
        return new WeightedSum(null, 0, new LinkedHashMap<>(), new LinkedHashMap<>(), 0);
    }

    /**
     * One partition's part.
     *
     * @param tensors  named values, to be multiplied by {@code weight}
     * @param weight   the partition's share of the whole
     * @param lossSums each loss term summed over the partition's samples
     * @param samples  the samples the partition trained on
     */
    public static WeightedSum of(Map<String, float[]> tensors, double weight, Map<String, Double> lossSums, int samples) {
        return new WeightedSum(FloatTensors.of(tensors), weight, null, new LinkedHashMap<>(lossSums), samples);
    }

    /** Adds {@code other} into this sum and returns it (Spark lets an aggregation reuse its left operand). */
    public WeightedSum plus(WeightedSum other) {
        Map<String, double[][]> sum = wide();
        other.wide().forEach((name, t) -> sum.merge(name, new double[][] {t[0].clone(), t[1].clone()}, WeightedSum::add));
        merged = sum;
        part = null;
        other.lossSums.forEach((term, v) -> lossSums.merge(term, v, Double::sum));
        samples += other.samples;
        return this;
    }

    /** The tensors as weighted double-double values. */
    private Map<String, double[][]> wide() {
        if (part == null) {
            return merged;
        }
        Map<String, double[][]> wide = new LinkedHashMap<>();
        part.names().forEach(name -> wide.put(name, wide(name)));
        return wide;
    }

    /** The tensor {@code name} as weighted double-double values. */
    private double[][] wide(String name) {
        if (part == null) {
            return merged.get(name);
        }
        float[] t = part.get(name);
        double[] high = new double[t.length];
        for (int i = 0; i < t.length; i++) {
            high[i] = t[i] * weight;
        }
        return new double[][] {high, new double[t.length]};
    }

    /** Adds the double-double values {@code b} into {@code a}: TwoSum of the high parts, errors and low parts kept. */
    private static double[][] add(double[][] a, double[][] b) {
        double[] high = a[0];
        double[] low = a[1];
        for (int i = 0; i < high.length; i++) {
            double x = high[i];
            double y = b[0][i];
            double sum = x + y;
            double virtual = sum - x;
            double error = (x - (sum - virtual)) + (y - virtual);
            double tail = error + low[i] + b[1][i];
            high[i] = sum + tail;
            low[i] = tail - (high[i] - sum);
        }
        return a;
    }

    /** The loss sums and samples of this sum, without its tensors. */
    public WeightedSum lossesOnly() {
        return new WeightedSum(null, 0, new LinkedHashMap<>(), new LinkedHashMap<>(lossSums), samples);
    }

    /** The samples covered. */
    public int samples() {
        return samples;
    }

    /** Every loss term and {@code total}, averaged over the samples covered. */
    public Map<String, Double> meanLosses() {
        Map<String, Double> means = new LinkedHashMap<>();
        lossSums.forEach((term, v) -> means.put(term, v / samples));
        return means;
    }

    /** The names of the tensors summed. */
    public Set<String> names() {
        return part != null ? part.names() : merged.keySet();
    }

    /** The summed tensor {@code name}, narrowed to float. */
    public float[] floats(String name) {
        double[][] d = wide(name);
        float[] f = new float[d[0].length];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) (d[0][i] + d[1][i]);
        }
        return f;
    }
}
