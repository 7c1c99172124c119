package dev.autoencoder.cli.command;

import dev.autoencoder.data.series.SensorSeries;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ae make-series}: writes a seeded synthetic sensor series with injected anomalies as CSV. */
@Command(name = "make-series", header = "Write a seeded sensor series with injected anomalies as CSV.", mixinStandardHelpOptions = true,
        sortOptions = false, description = "Columns sensor0, ..., label (1 inside an anomaly). After --normal-steps normal steps, spikes, "
                + "level shifts, drifts and frequency changes take turns. The same options write the same file.")
public final class MakeSeriesCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "The CSV file to write.")
    private Path out;

    @Option(names = "--steps", paramLabel = "N", defaultValue = "5000", description = "Time steps (${DEFAULT-VALUE}).")
    private int steps;

    @Option(names = "--channels", paramLabel = "N", defaultValue = "4", description = "Sensors (${DEFAULT-VALUE}).")
    private int channels;

    @Option(names = "--anomalies", paramLabel = "N", defaultValue = "6", description = "Anomalies to inject (${DEFAULT-VALUE}).")
    private int anomalies;

    @Option(names = "--normal-steps", paramLabel = "N", defaultValue = "4000", description = "The first steps, left normal (${DEFAULT-VALUE}).")
    private int normalSteps;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "7", description = "Seeds every draw (${DEFAULT-VALUE}).")
    private long seed;

    @Override
    public Integer call() {
        SensorSeries series = SensorSeries.generate(new SensorSeries.Settings(steps, channels, anomalies, normalSteps, seed));
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.printf(Locale.ROOT, "%d steps of %d sensors, %d anomalies after step %d, seed %d%n  %s%n", steps, channels, anomalies,
                normalSteps, seed, series.writeCsv(out));
        series.anomalies().forEach(a -> stdout.printf(Locale.ROOT, "  %s on sensor%d, steps %d-%d%n",
                a.kind().name().toLowerCase(Locale.ROOT).replace('_', ' '), a.channel(), a.start(), a.end() - 1));
        stdout.flush();
        return 0;
    }
}
