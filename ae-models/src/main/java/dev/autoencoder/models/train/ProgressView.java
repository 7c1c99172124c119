package dev.autoencoder.models.train;

/** Shows how a fit is going: a progress bar, a log line per epoch. One listener per fit. */
@FunctionalInterface
public interface ProgressView {
    /** Shows nothing. */
    ProgressView NONE = (label, epochs, samplesPerEpoch, batchSize) -> new TrainingListener() {
    };

    /**
     * The listener that shows the fit of {@code label} (empty for the main fit): {@code epochs} epochs of
     * {@code samplesPerEpoch} samples in batches of {@code batchSize}.
     */
    TrainingListener show(String label, int epochs, int samplesPerEpoch, int batchSize);
}
