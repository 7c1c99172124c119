package dev.autoencoder.cli.spark;

import org.apache.spark.sql.SparkSession;

/**
 * The Spark session of the Spark commands, and the only class of theirs whose signatures name Spark's types (so that
 * picocli can list the commands, and the rest of {@code ae} runs, without Spark on the classpath); what the commands
 * read and write is the library's ({@code dev.autoencoder.spark.table}).
 */
final class SparkJobs {
    /** Spark's largest task result sent directly to the driver; spark-submit's {@code --conf} wins over ae's value. */
    private static final String DIRECT_RESULTS = "spark.task.maxDirectResultSize";

    private SparkJobs() {
    }

    /** The session on the master the options ask for (after {@link SparkOptions#requireSpark()}). */
    static SparkSession session(SparkOptions options) {
        SparkSession.Builder builder = SparkSession.builder().master(options.master()).appName("ae")
                .config("spark.ui.showConsoleProgress", "false");
        if (System.getProperty(DIRECT_RESULTS) == null) {
            // a training step's result is 4 bytes per parameter per partition (3.8 MB for W1): sent directly rather than
            // through the block manager above Spark's 1 MB default (W1 synchronous on local[2]: 1,034 -> 1,220 samples/s)
            builder.config(DIRECT_RESULTS, "64m");
        }
        if (options.master().startsWith("local")) {
            // one machine: the driver on the loopback address (Spark's warning that the host name resolves to it is
            // moot), no web UI
            System.setProperty("org.slf4j.simpleLogger.log.org.apache.spark.util.Utils", "error");
            builder.config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1").config("spark.ui.enabled",
                    "false");
        }
        SparkSession spark = builder.getOrCreate();
        spark.sparkContext().setLogLevel("ERROR");
        return spark;
    }
}
