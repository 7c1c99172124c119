package dev.autoencoder.cli.spark;

import picocli.CommandLine.Option;

/** Where Spark runs and how the input is split: {@code --master} and {@code --partitions}. */
public final class SparkOptions {
    @Option(names = "--master", paramLabel = "URL",
            description = "Spark's master: local[*] (this machine, every core), local[N], spark://HOST:PORT, yarn... "
                    + "Default: the one spark-submit sets, else local[*].")
    private String master;

    @Option(names = "--partitions", paramLabel = "N",
            description = "Repartition the input into N partitions (each a worker's share). Default: as the files are read.")
    private Integer partitions;

    /**
     * Checks that Spark is on the classpath, before anything touches a class that names Spark's types.
     *
     * @throws IllegalArgumentException when it is not
     */
    void requireSpark() {
        try {
            Class.forName("org.apache.spark.sql.SparkSession", false, SparkOptions.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalArgumentException("Spark is not on the classpath: run 'ae spark' through the ae launcher (which adds the "
                    + "build's Spark), or the spark jar through spark-submit");
        }
    }

    /** The master asked for, else the one spark-submit set ({@code spark.master}), else {@code local[*]}. */
    String master() {
        return master != null ? master : System.getProperty("spark.master", "local[*]");
    }

    /** The partitions asked for, or 0 to keep the input's. */
    int partitions() {
        if (partitions != null && partitions < 1) {
            throw new IllegalArgumentException("--partitions must be at least 1, got " + partitions);
        }
        return partitions == null ? 0 : partitions;
    }
}
