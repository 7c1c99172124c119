package dev.autoencoder.spark.train;

import dev.autoencoder.api.Tensor;
import dev.autoencoder.api.TensorBackend;
import dev.autoencoder.models.nn.Parameter;
import java.io.Serializable;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What {@code treeAggregate} sums over the partitions in one step: each parameter's gradient and each loss term,
 * both already weighted by the partition's share of the global batch, and the samples they cover. The sum over all
 * partitions is the gradient and the loss of the whole batch (a mean over its samples). Gradients are summed in
 * double: the weighted float gradients of a few partitions add up exactly there, so the result does not depend on
 * the order in which Spark merges the partitions' results, and a run is reproducible bit for bit (at the price of
 * 8 bytes per parameter sent back by each worker instead of 4).
 */
public final class GradientSum implements Serializable {
    private static final long serialVersionUID = 1L;

    private final Map<String, double[]> gradients;
    private final Map<String, Double> values;
    private int samples;

    private GradientSum(Map<String, double[]> gradients, Map<String, Double> values, int samples) {
        this.gradients = gradients;
        this.values = values;
        this.samples = samples;
    }

    /** The sum of nothing: the zero of the aggregation. */
    public static GradientSum empty() {
        return new GradientSum(new LinkedHashMap<>(), new LinkedHashMap<>(), 0);
    }

    /** One partition's weighted gradients (by parameter name) and loss terms over {@code samples} samples. */
    public static GradientSum of(Map<String, float[]> gradients, Map<String, Double> values, int samples) {
        Map<String, double[]> wide = new LinkedHashMap<>();
        gradients.forEach((name, g) -> {
            double[] d = new double[g.length];
            for (int i = 0; i < g.length; i++) {
                d[i] = g[i];
            }
            wide.put(name, d);
        });
        return new GradientSum(wide, new LinkedHashMap<>(values), samples);
    }

    /** Adds {@code other} into this sum and returns it (Spark lets an aggregation reuse its left operand). */
    public GradientSum plus(GradientSum other) {
        other.gradients.forEach((name, g) -> gradients.merge(name, g.clone(), (a, b) -> {
            for (int i = 0; i < a.length; i++) {
                a[i] += b[i];
            }
            return a;
        }));
        other.values.forEach((term, v) -> values.merge(term, v, Double::sum));
        samples += other.samples;
        return this;
    }

    /** The samples covered. */
    public int samples() {
        return samples;
    }

    /** Every loss term and {@code total} of the batch. */
    public Map<String, Double> values() {
        return new LinkedHashMap<>(values);
    }

    /** The gradients as tensors on {@code backend} in the current scope, keyed by the parameters of {@code parameters}. */
    public Map<Parameter, Tensor> toTensors(Map<String, Parameter> parameters, TensorBackend backend) {
        Map<Parameter, Tensor> out = new IdentityHashMap<>();
        gradients.forEach((name, g) -> {
            Parameter p = parameters.get(name);
            float[] f = new float[g.length];
            for (int i = 0; i < g.length; i++) {
                f[i] = (float) g[i];
            }
            out.put(p, backend.fromFloats(f, p.shape()));
        });
        return out;
    }
}
