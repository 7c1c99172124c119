package dev.autoencoder.models.anomaly;

import java.math.BigDecimal;
import java.util.Arrays;

/**
 * How a threshold is set from the scores of normal samples: a percentile, mean + k standard deviations, an
 * expected contamination rate (PyOD's {@code contamination}), or a fixed value.
 */
public sealed interface ThresholdRule {
    /** The threshold for normal samples that scored {@code normalScores} (all finite, at least one). */
    Threshold fit(float[] normalScores);

    /** The {@code p}-th percentile of the normal scores (nearest rank), {@code p} in (0, 100]. */
    static ThresholdRule percentile(double p) {
        return new Percentile(p);
    }

    /** {@code mean + k * std} of the normal scores (population standard deviation). */
    static ThresholdRule meanPlusSigma(double k) {
        return new MeanPlusSigma(k);
    }

    /** The threshold that flags the share {@code rate} of the normal scores, {@code rate} in [0, 0.5]. */
    static ThresholdRule contamination(double rate) {
        return new Contamination(rate);
    }

    /** This value, whatever the scores. */
    static ThresholdRule fixed(double value) {
        return new Fixed(value);
    }

    /** @param p the percentile in (0, 100] */
    record Percentile(double p) implements ThresholdRule {
        public Percentile {
            if (!(p > 0 && p <= 100)) {
                throw new IllegalArgumentException("the threshold percentile must be in (0, 100], got " + p);
            }
        }

        @Override
        public Threshold fit(float[] normalScores) {
            return new Threshold(nearestRank(normalScores, p), "percentile " + plain(p) + " of " + normalScores.length
                    + " training scores");
        }
    }

    /** @param k standard deviations above the mean */
    record MeanPlusSigma(double k) implements ThresholdRule {
        public MeanPlusSigma {
            if (!Double.isFinite(k)) {
                throw new IllegalArgumentException("the number of standard deviations must be finite, got " + k);
            }
        }

        @Override
        public Threshold fit(float[] normalScores) {
            float[] scores = Scores.requireFinite(normalScores);
            double mean = 0;
            for (float s : scores) {
                mean += s / (double) scores.length;
            }
            double variance = 0;
            for (float s : scores) {
                variance += (s - mean) * (s - mean) / scores.length;
            }
            return new Threshold(mean + k * Math.sqrt(variance), "mean + " + plain(k) + " standard deviations of " + scores.length
                    + " training scores");
        }
    }

    /** @param rate the expected share of anomalies among the fitted samples */
    record Contamination(double rate) implements ThresholdRule {
        public Contamination {
            if (!(rate >= 0 && rate <= 0.5)) {
                throw new IllegalArgumentException("the contamination rate must be in [0, 0.5], got " + rate);
            }
        }

        /** The largest score when {@code rate} is 0 (nothing flagged), else the percentile {@code 100 (1 - rate)}. */
        @Override
        public Threshold fit(float[] normalScores) {
            double value = rate == 0 ? max(normalScores) : nearestRank(normalScores, 100 * (1 - rate));
            return new Threshold(value, "contamination " + plain(rate) + " of " + normalScores.length + " training scores");
        }
    }

    /** @param value the threshold */
    record Fixed(double value) implements ThresholdRule {
        public Fixed {
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("a fixed threshold must be finite, got " + value);
            }
        }

        @Override
        public Threshold fit(float[] normalScores) {
            return new Threshold(value, "given");
        }
    }

    private static double nearestRank(float[] scores, double p) {
        float[] sorted = Scores.requireFinite(scores).clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    private static double max(float[] scores) {
        double max = Double.NEGATIVE_INFINITY;
        for (float s : Scores.requireFinite(scores)) {
            max = Math.max(max, s);
        }
        return max;
    }

    private static String plain(double v) {
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
