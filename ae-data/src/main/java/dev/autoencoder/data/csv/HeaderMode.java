package dev.autoencoder.data.csv;

/** Whether the first non-blank line of a CSV file is a header. */
public enum HeaderMode {
    /**
     * Decide from the line itself: it is a header when one of its cells (other than the label
     * column's) is not a number. Columns chosen by name imply a header.
     */
    AUTO,
    /** The first line is always a header. */
    PRESENT,
    /** There is no header; the first line is data. */
    ABSENT
}
