package dev.autoencoder.models.anomaly;

import dev.autoencoder.data.Samples;
import java.util.Arrays;
import java.util.Optional;

/** Which labelled samples are anomalies: those not of the normal class, or label 1 when the labels are 0 and 1. */
public final class GroundTruth {
    private GroundTruth() {
    }

    /**
     * Whether each sample is an anomaly; empty when the samples are unlabelled, or when no normal class is given and
     * the labels are not just 0 and 1.
     */
    public static Optional<boolean[]> of(Samples samples, Optional<Integer> normalClass) {
        if (!samples.hasLabels()) {
            return Optional.empty();
        }
        int[] labels = samples.labels();
        if (normalClass.isEmpty() && !Arrays.stream(labels).allMatch(l -> l == 0 || l == 1)) {
            return Optional.empty();
        }
        int normal = normalClass.orElse(0); // with 0/1 labels, 0 is normal
        boolean[] anomalous = new boolean[labels.length];
        for (int i = 0; i < labels.length; i++) {
            anomalous[i] = labels[i] != normal;
        }
        return Optional.of(anomalous);
    }
}
