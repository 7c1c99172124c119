package dev.autoencoder.spark.score;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.stddev_pop;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import dev.autoencoder.models.anomaly.Threshold;
import dev.autoencoder.models.anomaly.ThresholdRule;
import dev.autoencoder.spark.input.SparkFailures;
import java.math.BigDecimal;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Thresholds fitted on the cluster from a column of scores, by the library's {@link ThresholdRule}s: a percentile and
 * a contamination rate with {@code approxQuantile}, mean + k sigma (population sigma) and the maximum with one
 * aggregation, a fixed value as given. Non-finite scores are refused, as {@code AnomalyDetector} refuses them.
 */
public final class ClusterThresholds {
    private ClusterThresholds() {
    }

    /**
     * The threshold {@code rule} sets from column {@code column} of {@code scored}.
     *
     * @param relativeError the error {@code approxQuantile} may make (0: exact, a rank of {@code ceil(p n)} as
     *                      {@code ThresholdRule.percentile} on one machine)
     * @throws IllegalArgumentException when there are no scores or one is not finite
     */
    public static Threshold fit(Dataset<Row> scored, String column, ThresholdRule rule, double relativeError) {
        if (rule instanceof ThresholdRule.Fixed fixed) {
            return fixed.fit(new float[0]);
        }
        Column c = col(column);
        Column nonFinite = c.isNaN().or(c.equalTo(lit(Double.POSITIVE_INFINITY))).or(c.equalTo(lit(Double.NEGATIVE_INFINITY)));
        Row stats = SparkFailures.unwrapped(() -> scored.agg(count(c), avg(c), stddev_pop(c), max(c), sum(when(nonFinite, 1).otherwise(0)))
                .first());
        long n = stats.getLong(0);
        if (n == 0) {
            throw new IllegalArgumentException("no anomaly scores: there are no rows to fit a threshold on");
        }
        if (stats.getLong(4) > 0) {
            throw new IllegalArgumentException(stats.getLong(4) + " of " + n + " anomaly scores in column '" + column
                    + "' are not finite (the model's output is not finite there); no threshold can be computed");
        }
        String of = " of " + n + " training scores";
        if (rule instanceof ThresholdRule.MeanPlusSigma m) {
            return new Threshold(stats.getDouble(1) + m.k() * stats.getDouble(2), "mean + " + plain(m.k()) + " standard deviations" + of);
        }
        if (rule instanceof ThresholdRule.Percentile p) {
            return new Threshold(quantile(scored, column, p.p() / 100, relativeError), "percentile " + plain(p.p()) + of);
        }
        ThresholdRule.Contamination rate = (ThresholdRule.Contamination) rule;
        double value = rate.rate() == 0 ? stats.getDouble(3) : quantile(scored, column, 1 - rate.rate(), relativeError);
        return new Threshold(value, "contamination " + plain(rate.rate()) + of);
    }

    private static double quantile(Dataset<Row> scored, String column, double q, double relativeError) {
        return SparkFailures.unwrapped(() -> scored.stat().approxQuantile(column, new double[] {q}, relativeError))[0];
    }

    private static String plain(double v) {
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
