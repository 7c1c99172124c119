package dev.autoencoder.cli.spark;

import picocli.CommandLine.Command;

/** {@code ae spark}: the jobs that run on Apache Spark. */
@Command(name = "spark", header = "Score, train and write data on Apache Spark.", mixinStandardHelpOptions = true,
        description = {"Runs ae's jobs on Spark: on this machine (--master local[*]) or, through spark-submit, on a cluster. "
                + "Spark must be on the classpath: the ae launcher adds the build's Spark; spark-submit brings the cluster's."},
        subcommands = {ParquetCommand.class, SparkTrainCommand.class, SparkScoreCommand.class})
public final class SparkCommand {
}
