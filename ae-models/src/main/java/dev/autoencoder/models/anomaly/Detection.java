package dev.autoencoder.models.anomaly;

/**
 * How well a threshold's flags match the truth.
 *
 * @param samples   samples judged
 * @param anomalies samples that truly are anomalies
 * @param flagged   samples flagged
 * @param hits      anomalies flagged
 */
public record Detection(int samples, int anomalies, int flagged, int hits) {
    /** The counts of {@code flagged} against {@code anomalous}, sample by sample. */
    public static Detection of(boolean[] flagged, boolean[] anomalous) {
        if (flagged.length != anomalous.length) {
            throw new IllegalArgumentException(flagged.length + " flags for " + anomalous.length + " labels");
        }
        int anomalies = 0;
        int flags = 0;
        int hits = 0;
        for (int i = 0; i < flagged.length; i++) {
            anomalies += anomalous[i] ? 1 : 0;
            flags += flagged[i] ? 1 : 0;
            hits += flagged[i] && anomalous[i] ? 1 : 0;
        }
        return new Detection(flagged.length, anomalies, flags, hits);
    }

    /** The share of flagged samples that are anomalies (0 when none is flagged). */
    public double precision() {
        return flagged == 0 ? 0 : (double) hits / flagged;
    }

    /** The share of anomalies flagged (0 when there are none). */
    public double recall() {
        return anomalies == 0 ? 0 : (double) hits / anomalies;
    }
}
