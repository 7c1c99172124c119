package dev.autoencoder.tests.cli;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Without Spark on the class path (as here, and under {@code java -jar ae-cli-<version>-all.jar}), every {@code ae}
 * command and {@code ae spark --help} still run, and an {@code ae spark} job says in one line what is missing.
 */
class CliWithoutSparkTest {
    @TempDir
    Path dir;

    @Test
    void sparkIsAbsentFromThisClassPath() {
        assertThrows(ClassNotFoundException.class, () -> Class.forName("org.apache.spark.sql.SparkSession"));
    }

    @Test
    void helpListsTheSparkJobsWithoutLoadingSpark() {
        assertTrue(Cli.run("--help").ok().out().contains("spark"));
        String help = Cli.run("spark", "train", "--help").ok().out();
        assertTrue(help.contains("--local-steps") && help.contains("--master"), help);
    }

    @Test
    void aSparkJobSaysSparkIsMissingInOneLine() {
        Cli.run("spark", "parquet", "--data", "digits", "--out", dir.resolve("t").toString()).badInput("Spark is not on the classpath");
    }
}
