package dev.autoencoder.cli.command;

import dev.autoencoder.data.series.SensorSeries;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ae make-series}: writes a seeded synthetic sensor series with injected anomalies as CSV. */
@Command(name = "make-series", header = "Write a seeded sensor series with injected anomalies as CSV.",
        mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Each sensor is a level, a sine and its harmonic, a slow component shared by all sensors, and noise. After "
                + "--normal-steps normal steps, spikes, level shifts, drifts and frequency changes take turns, one per slot of the "
                + "rest. Columns: sensor0, ..., label (1 inside an anomaly, else 0). The same options write the same file.",
            "Read it with: ae train --model lstm-ae --data FILE --window 64 --label-column label"})
public final class MakeSeriesCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "The CSV file to write.")
    private Path out;

    @Option(names = "--steps", paramLabel = "N", defaultValue = "5000", description = "Time steps. Default: ${DEFAULT-VALUE}.")
    private int steps;

    @Option(names = "--channels", paramLabel = "N", defaultValue = "4", description = "Sensors. Default: ${DEFAULT-VALUE}.")
    private int channels;

    @Option(names = "--anomalies", paramLabel = "N", defaultValue = "6", description = "Anomalies to inject. Default: ${DEFAULT-VALUE}.")
    private int anomalies;

    @Option(names = "--normal-steps", paramLabel = "N", defaultValue = "4000",
            description = "The first steps, kept normal (the part 'ae train' trains on is the first 80%). Default: ${DEFAULT-VALUE}.")
    private int normalSteps;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "7", description = "Seeds every draw. Default: ${DEFAULT-VALUE}.")
    private long seed;

    @Override
    public Integer call() {
        SensorSeries series = SensorSeries.generate(new SensorSeries.Settings(steps, channels, anomalies, normalSteps, seed));
        Path file = series.writeCsv(out);
        spec.commandLine().getOut().printf(Locale.ROOT, "%d steps of %d sensors, %d anomalies after step %d, seed %d%n  %s%n", steps,
                channels, series.anomalies().size(), normalSteps, seed, file);
        series.anomalies().forEach(a -> spec.commandLine().getOut().printf(Locale.ROOT, "  %s on sensor%d, steps %d-%d%n",
                a.kind().name().toLowerCase(Locale.ROOT).replace('_', ' '), a.channel(), a.start(), a.end() - 1));
        spec.commandLine().getOut().flush();
        return 0;
    }
}
