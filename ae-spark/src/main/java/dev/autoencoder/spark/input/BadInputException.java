package dev.autoencoder.spark.input;

/**
 * Input a distributed job cannot use: a missing or non-numeric feature column, a null, NaN or infinite value, a
 * feature vector of the wrong length, or a checkpoint whose model does not fit the data. The message names the
 * column and shows an example row.
 */
public final class BadInputException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** @param message what is wrong, naming the column and an example row */
    public BadInputException(String message) {
        super(message);
    }
}
