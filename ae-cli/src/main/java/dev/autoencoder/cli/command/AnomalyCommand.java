package dev.autoencoder.cli.command;

import dev.autoencoder.cli.option.ThresholdOptions;
import dev.autoencoder.data.Dataset;
import dev.autoencoder.data.catalog.Classes;
import dev.autoencoder.data.catalog.DataRecipe;
import dev.autoencoder.data.catalog.SeriesData;
import dev.autoencoder.models.anomaly.AnomalyDetector;
import dev.autoencoder.models.anomaly.AnomalyReport;
import dev.autoencoder.models.anomaly.SeriesDetector;
import dev.autoencoder.models.family.AnomalyScore;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ae anomaly}: anomaly scores, a threshold from the training scores, flagged samples, and the AUROC; on a series
 * (a CSV file read with {@code --window}), scores per window and per time step, and the flagged spans.
 */
@Command(name = "anomaly", header = "Anomaly scores, a threshold, the flagged samples, the AUROC.",
        mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Score every sample (reconstruction MSE, or a VAE's negative reconstruction log-probability), set a "
                + "threshold from the scores of the training samples, and flag the samples above it. Writes scores.csv, "
                + "anomalies.csv (the flagged ones) and scores.png (histogram with the threshold).",
            "With labels, reports the AUROC: anomalies are the samples whose label is not --normal-class (for a model "
                + "trained with 'ae train --normal-class N', N by default), or label 1 when the labels are 0 and 1.",
            "On a series (--window) with a model of windows (lstm-ae): scores each window (reconstruction MSE) and each time step (its "
                + "error averaged over the windows covering it), thresholds both on the training part, and writes "
                + "window-scores.csv (id: a window's first step), step-scores.csv (id: the step) and series.png (the series, the "
                + "step scores, the threshold, the flagged spans). With a 0/1 label column, reports the AUROC of windows and of steps."})
public final class AnomalyCommand extends DataCommand {
    @Mixin
    private ThresholdOptions thresholdOptions;

    @Option(names = "--normal-class", paramLabel = "LABEL",
            description = "The label of normal samples: training scores come from these only, and every other label is an "
                    + "anomaly. Default: the model's (one-class training), if any.")
    private Integer normalClass;

    @Option(names = "--score-samples", paramLabel = "L", defaultValue = "10",
            description = "Posterior samples of a VAE's reconstruction log-probability. Default: ${DEFAULT-VALUE}.")
    private int scoreSamples;

    @Override
    protected void run() {
        if (scoreSamples < 1) {
            throw new IllegalArgumentException("--score-samples must be at least 1, got " + scoreSamples);
        }
        AnomalyReport report = series() && model().model().spec().windowLayout().isPresent() ? scoreSeries() : scoreSamples();
        report.lines().forEach(stdout()::println);
        report.files().forEach(file -> stdout().println("  " + file));
    }

    /** Scores samples against a threshold from the training samples (of the normal class, when there is one). */
    private AnomalyReport scoreSamples() {
        Optional<Integer> normal = Optional.ofNullable(normalClass).or(() -> model().recipe().map(DataRecipe::normalClass));
        Dataset train = normal.map(c -> Classes.only(trainSamples(), c)).orElseGet(this::trainSamples);
        AnomalyScore score = model().model().preferredAnomalyScore(scoreSamples);
        AnomalyDetector detector = AnomalyDetector.fit(inference(), score, train, thresholdOptions.rule(), seed());
        return AnomalyReport.ofSamples(detector, samples(), normal, model().describe(), out());
    }

    /** Scores a series per window and per step against thresholds from its training part (a flat model scores windows as samples). */
    private AnomalyReport scoreSeries() {
        if (normalClass != null) {
            throw new IllegalArgumentException("--normal-class picks a class of samples; a series is scored against its training part");
        }
        SeriesData data = seriesData();
        SeriesDetector detector = SeriesDetector.fit(inference(), data.train(), data.windows(), thresholdOptions.rule());
        return AnomalyReport.ofSeries(detector, data.steps(split()), data.firstStep(split()), model().describe(),
                model().model().spec().family().id(), data.name() + " " + split(), out());
    }
}
