package dev.autoencoder.models.train;

/** A loss term or gradient became NaN or infinite; training stopped before the bad step changed any parameter. */
public final class TrainingDivergedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TrainingDivergedException(String message) {
        super(message);
    }
}
