package dev.autoencoder.cli.command;

import dev.autoencoder.cli.option.ThresholdOptions;
import dev.autoencoder.data.Dataset;
import dev.autoencoder.data.catalog.Classes;
import dev.autoencoder.data.catalog.DataRecipe;
import dev.autoencoder.data.catalog.SeriesData;
import dev.autoencoder.data.plot.ScoreHistogram;
import dev.autoencoder.data.plot.SeriesPlot;
import dev.autoencoder.data.series.Span;
import dev.autoencoder.data.write.ResultCsvWriter;
import dev.autoencoder.models.anomaly.AnomalyDetector;
import dev.autoencoder.models.anomaly.Detection;
import dev.autoencoder.models.anomaly.GroundTruth;
import dev.autoencoder.models.anomaly.RankingMetrics;
import dev.autoencoder.models.anomaly.SeriesDetection;
import dev.autoencoder.models.anomaly.SeriesDetector;
import dev.autoencoder.models.anomaly.SeriesScores;
import dev.autoencoder.models.anomaly.Threshold;
import dev.autoencoder.models.family.AnomalyScore;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
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
    private static final int SHOWN_SPANS = 5;

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
        if (series() && model().model().spec().windowLayout().isPresent()) { // a flat model of windows scores them as samples
            scoreSeries();
            return;
        }
        Optional<Integer> normal = Optional.ofNullable(normalClass).or(() -> model().recipe().map(DataRecipe::normalClass));
        Dataset train = normal.map(c -> Classes.only(trainSamples(), c)).orElseGet(this::trainSamples);
        Dataset samples = samples();
        AnomalyScore score = model().model().preferredAnomalyScore(scoreSamples);
        AnomalyDetector detector = AnomalyDetector.fit(inference(), score, train, thresholdOptions.rule(), seed());
        Threshold threshold = detector.threshold();
        float[] scores = detector.score(samples);
        boolean[] flags = detector.predict(scores);
        int[] flagged = IntStream.range(0, scores.length).filter(i -> flags[i]).toArray();
        ResultCsvWriter csv = new ResultCsvWriter();
        Path all = csv.writeScores(output("scores.csv"), samples, scores);
        Path anomalies = csv.writeScores(output("anomalies.csv"), samples.select(flagged), gather(scores, flagged));
        Optional<boolean[]> truth = GroundTruth.of(samples, normal);
        String normalName = "normal" + normal.map(c -> " (" + samples.labelName(c) + ")").orElse("");
        Map<String, float[]> groups = truth.map(t -> ScoreHistogram.byTruth(scores, t, normalName))
                .orElseGet(() -> Map.of(samples.name(), scores));
        Path png = new ScoreHistogram().write(output("scores.png"), score.describe() + " on " + samples.name(), groups,
                OptionalDouble.of(threshold.value()));
        stdout().printf(Locale.ROOT, "%s on %s, %d samples; score: %s%n", model().describe(), samples.name(), samples.size(),
                score.describe());
        stdout().printf(Locale.ROOT, "  threshold %.6g (%s)%n", threshold.value(), threshold.description());
        stdout().printf(Locale.ROOT, "  flagged %d of %d (%.2f%%)%n", flagged.length, scores.length, 100.0 * flagged.length / scores.length);
        truth.ifPresent(t -> report("", scores, t, flags));
        stdout().printf("  %s%n  %s%n  %s%n", all, anomalies, png);
    }

    /** Scores a series per window and per step against thresholds from its training part. */
    private void scoreSeries() {
        if (normalClass != null) {
            throw new IllegalArgumentException("--normal-class picks a class of samples; a series is scored against its training part");
        }
        SeriesData data = seriesData();
        SeriesDetector detector = SeriesDetector.fit(inference(), data.train(), data.windows(), thresholdOptions.rule());
        Dataset steps = data.steps(split());
        SeriesDetection found = detector.detect(steps, data.firstStep(split()));
        SeriesScores scores = found.scores();
        Dataset covered = steps.slice(0, scores.steps().length).toDataset();
        Dataset windows = data.windows().apply(steps);
        ResultCsvWriter csv = new ResultCsvWriter();
        Path windowCsv = csv.write(output("window-scores.csv"), found.windowStarts(), windows.hasLabels() ? windows.labels() : null,
                List.of(), List.of("score"), scores.windows());
        Path stepCsv = csv.write(output("step-scores.csv"), found.stepNumbers(), covered.hasLabels() ? covered.labels() : null, List.of(),
                List.of("score"), scores.steps());
        String name = data.name() + " " + split();
        Path png = new SeriesPlot().write(output("series.png"), model().model().spec().family().id() + " on " + name + ": step scores, "
                + "flagged spans", covered, found.firstStep(), scores.steps(), detector.stepThreshold().value(), found.labelledSpans(),
                found.flaggedSpans());
        int uncovered = steps.size() - covered.size();
        stdout().printf(Locale.ROOT, "%s on %s: %d steps in %d windows of %d (stride %d)%s%n", model().describe(), name, steps.size(),
                windows.size(), data.windows().length(), data.windows().stride(), uncovered > 0 ? "; the last " + uncovered
                        + " fill no window and are not scored" : "");
        stdout().printf(Locale.ROOT, "  windows: threshold %.6g (%s), flagged %d of %d%n", detector.windowThreshold().value(),
                detector.windowThreshold().description(), found.flaggedWindows(), windows.size());
        scores.windowTruth().ifPresent(t -> report("windows: ", scores.windows(), t, found.windowFlags()));
        List<Span> spans = found.flaggedSpans();
        String shown = spans.stream().limit(SHOWN_SPANS).map(s -> s.start() + "-" + (s.end() - 1)).collect(Collectors.joining(", "));
        stdout().printf(Locale.ROOT, "  steps: threshold %.6g (%s), flagged %d of %d in %d spans%s%n", detector.stepThreshold().value(),
                detector.stepThreshold().description(), found.flaggedSteps(), covered.size(), spans.size(),
                spans.isEmpty() ? "" : ": " + shown + (spans.size() > SHOWN_SPANS ? ", ..." : ""));
        scores.stepTruth().ifPresent(t -> report("steps: ", scores.steps(), t, found.stepFlags()));
        stdout().printf("  %s%n  %s%n  %s%n", windowCsv, stepCsv, png);
    }


    private void report(String what, float[] scores, boolean[] truth, boolean[] flags) {
        Detection detection = Detection.of(flags, truth);
        if (detection.anomalies() == 0 || detection.anomalies() == truth.length) {
            stdout().println("  " + what + "AUROC: undefined (the samples are all " + (detection.anomalies() == 0 ? "normal" : "anomalous") + ")");
            return;
        }
        RankingMetrics ranking = new RankingMetrics(scores, truth);
        stdout().printf(Locale.ROOT, "  %sAUROC %.4f  average precision %.4f  (%d anomalies; flagged: precision %.3f, recall %.3f)%n",
                what, ranking.auroc(), ranking.averagePrecision(), detection.anomalies(), detection.precision(), detection.recall());
    }

    private static float[] gather(float[] scores, int[] indices) {
        float[] out = new float[indices.length];
        for (int k = 0; k < indices.length; k++) {
            out[k] = scores[indices[k]];
        }
        return out;
    }
}
