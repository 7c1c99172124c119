package dev.autoencoder.cli.command;

import dev.autoencoder.cli.option.VerboseOption;
import dev.autoencoder.data.Dataset;
import dev.autoencoder.data.plot.LatentScatterPlot;
import dev.autoencoder.data.plot.LossCurvePlot;
import dev.autoencoder.data.plot.ScoreHistogram;
import dev.autoencoder.data.write.ResultCsvReader;
import dev.autoencoder.models.anomaly.GroundTruth;
import dev.autoencoder.models.run.TrainingRun;
import dev.autoencoder.models.train.MetricsCsv;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ae plot KIND}: the pictures of a run drawn again from the files it wrote, with no model and no backend. */
@Command(name = "plot", header = "Draw loss curves, a latent scatter or a score histogram from a run's files.",
        mixinStandardHelpOptions = true, sortOptions = false,
        subcommands = {PlotCommand.Loss.class, PlotCommand.Latent.class, PlotCommand.Scores.class},
        description = {"Draw a PNG from the files 'ae train', 'ae embed' and 'ae anomaly' write: loss curves from a run's "
                + "metrics.csv, the latent space from embeddings.csv, the histogram of scores.csv. Needs no model and no "
                + "backend. Writes beside the file read unless --out gives another folder."})
public final class PlotCommand {
    @Mixin
    private VerboseOption verbose;

    /** What every kind of plot shares: {@code --out}, and printing the file written. */
    abstract static class Kind implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Mixin
        private VerboseOption verbose;

        @Option(names = "--out", paramLabel = "DIR", description = "The folder to write to. Default: the folder of what is read.")
        private Path out;

        @Override
        public final Integer call() {
            spec.commandLine().getOut().println(draw());
            spec.commandLine().getOut().flush();
            return 0;
        }

        /** Draws the plot; returns the file written. */
        abstract Path draw();

        /** {@code name} in {@code --out}, else in {@code folder}. */
        final Path output(Path folder, String name) {
            return (out != null ? out : folder).resolve(name);
        }

        /** The folder of {@code file}. */
        static Path folderOf(Path file) {
            return file.toAbsolutePath().getParent();
        }
    }

    /** {@code ae plot loss}. */
    @Command(name = "loss", header = "Loss curves of a training run.", mixinStandardHelpOptions = true, sortOptions = false,
            description = "Draw loss.png from the metrics.csv of a run folder: one panel per loss term, each with the "
                    + "training and the validation curve.")
    static final class Loss extends Kind {
        @Option(names = "--run", paramLabel = "DIR", required = true, description = "A run folder written by 'ae train'.")
        private Path run;

        @Override
        Path draw() {
            Path folder = run.toAbsolutePath().normalize();
            return new LossCurvePlot().write(output(folder, "loss.png"), String.valueOf(folder.getFileName()),
                    MetricsCsv.readCurves(run.resolve(TrainingRun.METRICS)));
        }
    }

    /** {@code ae plot latent}. */
    @Command(name = "latent", header = "A scatter plot of embeddings, coloured by label.", mixinStandardHelpOptions = true,
            sortOptions = false, description = "Draw latent.png from an embeddings.csv written by 'ae embed' (id, label, z0, "
                    + "z1, ...): one colour per label, the first two principal axes when the codes have more than two "
                    + "dimensions.")
    static final class Latent extends Kind {
        @Option(names = "--embeddings", paramLabel = "FILE", required = true, description = "An embeddings.csv.")
        private Path embeddings;

        @Override
        Path draw() {
            ResultCsvReader.Results results = new ResultCsvReader().readEmbeddings(embeddings);
            Dataset codes = results.samples();
            return new LatentScatterPlot().writeCodes(output(folderOf(embeddings), "latent.png"),
                    embeddings.getFileName().toString(), codes.data(), codes.sampleSize(), codes);
        }
    }

    /** {@code ae plot scores}. */
    @Command(name = "scores", header = "A histogram of anomaly scores.", mixinStandardHelpOptions = true, sortOptions = false,
            description = "Draw scores.png from a scores.csv written by 'ae anomaly' (id, label, score), with the threshold "
                    + "marked when one is given, and normal and anomalous samples apart with --normal-class.")
    static final class Scores extends Kind {
        @Option(names = "--scores", paramLabel = "FILE", required = true, description = "A scores.csv.")
        private Path scores;

        @Option(names = "--threshold", paramLabel = "SCORE", description = "Mark this threshold.")
        private Double threshold;

        @Option(names = "--normal-class", paramLabel = "LABEL",
                description = "Draw the samples of this label (normal) and of the others (anomalous) apart.")
        private Integer normalClass;

        @Override
        Path draw() {
            Dataset samples = new ResultCsvReader().readScores(scores).samples();
            Map<String, float[]> groups = Map.of(samples.name(), samples.data());
            if (normalClass != null) {
                boolean[] anomalous = GroundTruth.of(samples, Optional.of(normalClass)).orElseThrow(() ->
                        new IllegalArgumentException(scores + " has no labels: --normal-class needs them"));
                groups = ScoreHistogram.byTruth(samples.data(), anomalous, "normal (" + samples.labelName(normalClass) + ")");
            }
            OptionalDouble marked = threshold == null ? OptionalDouble.empty() : OptionalDouble.of(threshold);
            return new ScoreHistogram().write(output(folderOf(scores), "scores.png"), "scores of " + scores.getFileName(),
                    groups, marked);
        }
    }
}
