package dev.autoencoder.cli;

import java.util.stream.Stream;

/**
 * The main class for {@code spark-submit}: {@code spark-submit ae-cli-<version>-spark.jar score|train|parquet ...}
 * runs {@code ae spark score|train|parquet ...} with the same options.
 */
public final class SparkMain {
    private SparkMain() {
    }

    /** Runs {@code ae spark args} and exits with its code. */
    public static void main(String[] args) {
        Main.main(Stream.concat(Stream.of("spark"), Stream.of(args)).toArray(String[]::new));
    }
}
