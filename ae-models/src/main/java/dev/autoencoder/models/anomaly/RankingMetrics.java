package dev.autoencoder.models.anomaly;

import java.util.Arrays;
import java.util.Comparator;

/**
 * How well scores rank anomalies above normal samples: the area under the ROC curve and the average precision,
 * both with tied scores treated as one threshold (as scikit-learn's {@code roc_auc_score} and
 * {@code average_precision_score} do). Scores must be finite, and there must be anomalies and normal samples.
 */
public final class RankingMetrics {
    private final float[] scores;
    private final boolean[] anomalous;
    private final Integer[] descending;
    private final long positives;

    /**
     * @param scores    the score of each sample, higher meaning more anomalous
     * @param anomalous whether each sample truly is an anomaly
     * @throws IllegalArgumentException when the lengths differ, a score is not finite, or one class is missing
     */
    public RankingMetrics(float[] scores, boolean[] anomalous) {
        if (scores.length != anomalous.length) {
            throw new IllegalArgumentException(scores.length + " scores for " + anomalous.length + " labels");
        }
        this.scores = Scores.requireFinite(scores).clone();
        this.anomalous = anomalous.clone();
        long count = 0;
        for (boolean a : anomalous) {
            count += a ? 1 : 0;
        }
        if (count == 0 || count == scores.length) {
            throw new IllegalArgumentException("ranking metrics need both anomalies and normal samples, got " + count
                    + " anomalies among " + scores.length + " samples");
        }
        this.positives = count;
        this.descending = new Integer[scores.length];
        Arrays.setAll(descending, i -> i);
        Arrays.sort(descending, Comparator.comparingDouble((Integer i) -> this.scores[i]).reversed());
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
        for (int start = 0; start < descending.length;) {
            int end = tieEnd(start);
            long groupPositives = 0;
            long groupNegatives = 0;
            for (int k = start; k < end; k++) {
                if (anomalous[descending[k]]) {
                    groupPositives++;
                } else {
                    groupNegatives++;
                }
            }
            // anomalies in this group beat every normal sample below it and tie with the normal ones beside them
            long negativesBelow = scores.length - positives - negativesAbove - groupNegatives;
            pairsWon += groupPositives * (negativesBelow + 0.5 * groupNegatives);
            negativesAbove += groupNegatives;
            start = end;
        }
        return pairsWon / ((double) positives * (scores.length - positives));
    }

    /**
     * The average precision: the precision at each distinct threshold weighted by the recall it adds,
     * {@code sum_n (R_n - R_{n-1}) P_n}, thresholds from the highest score down.
     */
    public double averagePrecision() {
        double ap = 0;
        long truePositives = 0;
        for (int start = 0; start < descending.length;) {
            int end = tieEnd(start);
            long groupPositives = 0;
            for (int k = start; k < end; k++) {
                groupPositives += anomalous[descending[k]] ? 1 : 0;
            }
            truePositives += groupPositives;
            ap += (double) groupPositives / positives * truePositives / end;
            start = end;
        }
        return ap;
    }

    /** The end (exclusive) of the run of scores equal to the one at {@code start} in descending order. */
    private int tieEnd(int start) {
        int end = start;
        while (end < descending.length && scores[descending[end]] == scores[descending[start]]) {
            end++;
        }
        return end;
    }
}
