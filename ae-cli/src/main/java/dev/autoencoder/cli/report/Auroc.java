package dev.autoencoder.cli.report;

import java.util.Arrays;
import java.util.Comparator;

/**
 * The area under the ROC curve of scores that should be higher for positives, computed from ranks (the
 * Mann-Whitney U statistic): the probability that a random positive outscores a random negative, ties counting
 * one half.
 */
public final class Auroc {
    private Auroc() {
    }

    /**
     * The AUROC of {@code scores} against {@code positive}.
     *
     * @throws IllegalArgumentException when there are no positives or no negatives
     */
    public static double of(float[] scores, boolean[] positive) {
        if (scores.length != positive.length) {
            throw new IllegalArgumentException(scores.length + " scores for " + positive.length + " labels");
        }
        Integer[] order = new Integer[scores.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> scores[i]));
        double positiveRankSum = 0;
        long positives = 0;
        for (int start = 0; start < order.length;) {
            int end = start;
            while (end < order.length && scores[order[end]] == scores[order[start]]) {
                end++;
            }
            double rank = (start + 1 + end) / 2.0;
            for (int k = start; k < end; k++) {
                if (positive[order[k]]) {
                    positiveRankSum += rank;
                    positives++;
                }
            }
            start = end;
        }
        long negatives = scores.length - positives;
        if (positives == 0 || negatives == 0) {
            throw new IllegalArgumentException("AUROC needs both anomalies and normal samples, got " + positives + " and " + negatives);
        }
        return (positiveRankSum - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
    }
}
