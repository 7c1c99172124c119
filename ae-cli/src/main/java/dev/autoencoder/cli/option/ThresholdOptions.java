package dev.autoencoder.cli.option;

import dev.autoencoder.models.anomaly.ThresholdRule;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/** How an anomaly threshold is set: one of a percentile, mean + k sigma, a contamination rate, or a value. */
public final class ThresholdOptions {
    private static final double DEFAULT_PERCENTILE = 99;

    @ArgGroup(exclusive = true, heading = "The threshold (one of; default: --threshold-percentile 99):%n")
    private Choice choice;

    /** One way to set the threshold. */
    static final class Choice {
        @Option(names = "--threshold-percentile", paramLabel = "P",
                description = "Threshold at this percentile of the normal scores.")
        Double percentile;

        @Option(names = "--threshold-sigma", paramLabel = "K", description = "Threshold at mean + K standard deviations of the normal scores.")
        Double sigma;

        @Option(names = "--contamination", paramLabel = "RATE",
                description = "Threshold that flags this share of the normal scores (PyOD's contamination), in [0, 0.5].")
        Double contamination;

        @Option(names = "--threshold", paramLabel = "SCORE", description = "This threshold.")
        Double value;
    }

    /** The rule the options ask for (the 99th percentile when none is given). */
    public ThresholdRule rule() {
        if (choice == null || choice.percentile != null) {
            return ThresholdRule.percentile(choice == null ? DEFAULT_PERCENTILE : choice.percentile);
        }
        if (choice.sigma != null) {
            return ThresholdRule.meanPlusSigma(choice.sigma);
        }
        if (choice.contamination != null) {
            return ThresholdRule.contamination(choice.contamination);
        }
        return ThresholdRule.fixed(choice.value);
    }
}
