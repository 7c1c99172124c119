package dev.autoencoder.spark.train;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * What {@code treeAggregate} sums over the partitions: named tensors already weighted by each partition's share
 * (the gradients of a synchronous step, or the parameters and optimizer slots after a round of local SGD), each loss
 * term summed over the samples it was measured on, and the samples covered. The sum over all partitions is the mean
 * gradient (or the averaged model) of the whole batch. Tensors are summed in double: the weighted float tensors of a
 * few partitions add up exactly there, so the result does not depend on the order in which Spark merges the
 * partitions' results, and a run is reproducible bit for bit (at the price of 8 bytes per value sent back by each
 * worker instead of 4).
 */
public final class WeightedSum implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Each tensor as {@code [high parts, low parts]}. */
    private final Map<String, double[][]> tensors;
    private final Map<String, Double> lossSums;
    private int samples;

    private WeightedSum(Map<String, double[][]> tensors, Map<String, Double> lossSums, int samples) {
        this.tensors = tensors;
        this.lossSums = lossSums;
        this.samples = samples;
    }

    /** The sum of nothing: the zero of the aggregation. */
    public static WeightedSum empty() {
        return new WeightedSum(new LinkedHashMap<>(), new LinkedHashMap<>(), 0);
    }

    /**
     * One partition's part.
     *
     * @param tensors  named values, each multiplied by {@code weight}
     * @param weight   the partition's share of the whole
     * @param lossSums each loss term summed over the partition's samples
     * @param samples  the samples the partition trained on
     */
    public static WeightedSum of(Map<String, float[]> tensors, double weight, Map<String, Double> lossSums, int samples) {
        Map<String, double[][]> wide = new LinkedHashMap<>();
        tensors.forEach((name, t) -> {
            double[] high = new double[t.length];
            for (int i = 0; i < t.length; i++) {
                high[i] = t[i] * weight;
            }
            wide.put(name, new double[][] {high, new double[t.length]});
        });
        return new WeightedSum(wide, new LinkedHashMap<>(lossSums), samples);
    }

    /** Adds {@code other} into this sum and returns it (Spark lets an aggregation reuse its left operand). */
    public WeightedSum plus(WeightedSum other) {
        other.tensors.forEach((name, t) -> tensors.merge(name, new double[][] {t[0].clone(), t[1].clone()}, WeightedSum::add));
        other.lossSums.forEach((term, v) -> lossSums.merge(term, v, Double::sum));
        samples += other.samples;
        return this;
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
        return new WeightedSum(new LinkedHashMap<>(), new LinkedHashMap<>(lossSums), samples);
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
        return tensors.keySet();
    }

    /** The summed tensor {@code name}, narrowed to float. */
    public float[] floats(String name) {
        double[][] d = tensors.get(name);
        float[] f = new float[d[0].length];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) (d[0][i] + d[1][i]);
        }
        return f;
    }
}
