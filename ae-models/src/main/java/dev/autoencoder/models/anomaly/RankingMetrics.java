package dev.autoencoder.models.anomaly;

import java.util.Arrays;
import java.util.Comparator;

/**
 * How well scores rank anomalies above normal samples: the area under the ROC curve and the average precision,
 * both with tied scores treated as one threshold (as scikit-learn's {@code roc_auc_score} and
 * {@code average_precision_score} do). Scores must be finite, and there must be anomalies and normal samples.
 */
public final class RankingMetrics {
    /** Per group of tied scores, highest scores first: how many anomalies and how many samples it holds. */
    private final long[] groupAnomalies;
    private final long[] groupSizes;
    private final long positives;
    private final long total;

    /**
     * @param scores    the score of each sample, higher meaning more anomalous
     * @param anomalous whether each sample truly is an anomaly
     * @throws IllegalArgumentException when the lengths differ, a score is not finite, or one class is missing
     */
    public RankingMetrics(float[] scores, boolean[] anomalous) {
        if (scores.length != anomalous.length) {
            throw new IllegalArgumentException(scores.length + " scores for " + anomalous.length + " labels");
        }
        Scores.requireFinite(scores);
        Integer[] descending = new Integer[scores.length];
        Arrays.setAll(descending, i -> i);
        Arrays.sort(descending, Comparator.comparingDouble((Integer i) -> scores[i]).reversed());
        long[] anomalies = new long[scores.length];
        long[] sizes = new long[scores.length];
        int groups = 0;
        for (int start = 0; start < descending.length; groups++) {
            int end = start;
            while (end < descending.length && scores[descending[end]] == scores[descending[start]]) {
                anomalies[groups] += anomalous[descending[end]] ? 1 : 0;
                end++;
            }
            sizes[groups] = end - start;
            start = end;
        }
        this.groupAnomalies = Arrays.copyOf(anomalies, groups);
        this.groupSizes = Arrays.copyOf(sizes, groups);
        this.positives = Arrays.stream(groupAnomalies).sum();
        this.total = scores.length;
        if (positives == 0 || positives == total) {
            throw new IllegalArgumentException("ranking metrics need both anomalies and normal samples, got " + positives
                    + " anomalies among " + total + " samples");
        }
    }

    /** The number of true anomalies. */
    public long anomalies() {
        return positives;
    }

    /**
     * The area under the ROC curve: the probability that a random anomaly outscores a random normal sample, a tie
     * counting one half (the Mann-Whitney U statistic).
     */
    public double auroc() {
        double pairsWon = 0;
        long negativesAbove = 0;
        for (int g = 0; g < groupSizes.length; g++) {
            long negatives = groupSizes[g] - groupAnomalies[g];
            // anomalies in this group beat every normal sample below it and tie with the normal ones beside them
            long negativesBelow = total - positives - negativesAbove - negatives;
            pairsWon += groupAnomalies[g] * (negativesBelow + 0.5 * negatives);
            negativesAbove += negatives;
        }
        return pairsWon / ((double) positives * (total - positives));
    }

    /**
     * The average precision: the precision at each distinct threshold weighted by the recall it adds,
     * {@code sum_n (R_n - R_{n-1}) P_n}, thresholds from the highest score down.
     */
    public double averagePrecision() {
        double ap = 0;
        long truePositives = 0;
        long flagged = 0;
        for (int g = 0; g < groupSizes.length; g++) {
            truePositives += groupAnomalies[g];
            flagged += groupSizes[g];
            ap += (double) groupAnomalies[g] / positives * truePositives / flagged;
        }
        return ap;
    }
}
