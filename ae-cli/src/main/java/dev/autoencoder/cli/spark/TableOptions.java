package dev.autoencoder.cli.spark;

import picocli.CommandLine.Option;

/** The table a Spark job reads: {@code --data}, {@code --column} and, for CSV files, {@code --label-column}. */
public final class TableOptions {
    @Option(names = "--data", paramLabel = "PATH", required = true, description = "A Parquet table or a CSV file with a header.")
    private String data;

    @Option(names = "--column", paramLabel = "NAME", defaultValue = "features",
            description = "The column of samples (an array of numbers; a CSV file's numeric columns are packed into it). "
                    + "Default: ${DEFAULT-VALUE}.")
    private String column;

    @Option(names = "--label-column", paramLabel = "COLUMN", description = "A CSV column of labels, left out of the features.")
    private String labelColumn;

    /** The table's path. */
    String data() {
        return data;
    }

    /** The column of samples. */
    String column() {
        return column;
    }

    /** The CSV column of labels, or null. */
    String labelColumn() {
        return labelColumn;
    }
}
