package dev.autoencoder.data.csv;

/**
 * What to do with a row that has a missing, non-numeric, NaN or infinite cell, or the wrong number
 * of cells.
 */
public enum BadRowPolicy {
    /** Stop with an error naming the file, the line and the column (the default). */
    FAIL,
    /** Leave the row out; the number of dropped rows and the first problem are logged as a warning. */
    DROP
}
