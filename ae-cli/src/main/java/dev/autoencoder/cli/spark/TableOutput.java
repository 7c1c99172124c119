package dev.autoencoder.cli.spark;

import picocli.CommandLine.Option;

/** The table a Spark job writes: {@code --out} and {@code --force}. */
public final class TableOutput {
    @Option(names = "--out", paramLabel = "DIR", required = true, description = "The Parquet folder to write.")
    private String out;

    @Option(names = "--force", description = "Replace --out if it exists (only once the new table is complete).")
    private boolean force;

    /** The folder. */
    String out() {
        return out;
    }

    /** Whether an existing folder may be replaced. */
    boolean force() {
        return force;
    }
}
