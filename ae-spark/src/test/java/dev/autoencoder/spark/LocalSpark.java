package dev.autoencoder.spark;

import org.apache.spark.sql.SparkSession;

/** The one Spark session of a test JVM: {@code local[2]}, no UI, few shuffle partitions. */
final class LocalSpark {
    private LocalSpark() {
    }

    /** The session, created on first use and shared by every test class of the JVM. */
    static SparkSession session() {
        return SparkSession.builder()
                .master("local[2]")
                .appName("ae-spark-tests")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "2")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .getOrCreate();
    }
}
