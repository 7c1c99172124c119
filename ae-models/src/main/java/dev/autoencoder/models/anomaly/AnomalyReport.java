package dev.autoencoder.models.anomaly;

import dev.autoencoder.data.Dataset;
import dev.autoencoder.data.plot.ScoreHistogram;
import dev.autoencoder.data.plot.SeriesPlot;
import dev.autoencoder.data.series.Span;
import dev.autoencoder.data.write.ResultCsvWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * What an anomaly detection found, as a person reads it: the files written into a folder (scores as CSV and a
 * picture) and the lines that tell the threshold, what was flagged and, with ground truth, how well the scores rank.
 * What {@code ae anomaly} writes and prints, for any caller.
 *
 * @param lines what was found, one line each (indented after the first)
 * @param files the files written
 */
public record AnomalyReport(List<String> lines, List<Path> files) {
    private static final int SHOWN_SPANS = 5;

    public AnomalyReport {
        lines = List.copyOf(lines);
        files = List.copyOf(files);
    }

    /**
     * Scores {@code samples} with {@code detector} and writes {@code scores.csv}, {@code anomalies.csv} (the flagged ones)
     * and {@code scores.png} (the histogram with the threshold) into {@code folder}.
     *
     * @param normal the label of normal samples, when the other labels are anomalies (else 0/1 labels are the truth)
     * @param model  the model, for the first line
     */
    public static AnomalyReport ofSamples(AnomalyDetector detector, Dataset samples, Optional<Integer> normal, String model, Path folder) {
        float[] scores = detector.score(samples);
        boolean[] flags = detector.predict(scores);
        int[] flagged = IntStream.range(0, scores.length).filter(i -> flags[i]).toArray();
        float[] flaggedScores = new float[flagged.length];
        for (int k = 0; k < flagged.length; k++) {
            flaggedScores[k] = scores[flagged[k]];
        }
        ResultCsvWriter csv = new ResultCsvWriter();
        Path all = csv.writeScores(folder.resolve("scores.csv"), samples, scores);
        Path anomalies = csv.writeScores(folder.resolve("anomalies.csv"), samples.select(flagged), flaggedScores);
        Optional<boolean[]> truth = GroundTruth.of(samples, normal);
        String normalName = "normal" + normal.map(c -> " (" + samples.labelName(c) + ")").orElse("");
        Map<String, float[]> groups = truth.map(t -> ScoreHistogram.byTruth(scores, t, normalName)).orElseGet(() -> Map.of(samples.name(), scores));
        String score = detector.scoring().describe();
        Path png = new ScoreHistogram().write(folder.resolve("scores.png"), score + " on " + samples.name(), groups,
                OptionalDouble.of(detector.threshold().value()));
        List<String> lines = new ArrayList<>(List.of(
                String.format(Locale.ROOT, "%s on %s, %d samples; score: %s", model, samples.name(), samples.size(), score),
                String.format(Locale.ROOT, "  threshold %.6g (%s)", detector.threshold().value(), detector.threshold().description()),
                String.format(Locale.ROOT, "  flagged %d of %d (%.2f%%)", flagged.length, scores.length, 100.0 * flagged.length / scores.length)));
        truth.ifPresent(t -> lines.add(ranking("", scores, t, flags)));
        return new AnomalyReport(lines, List.of(all, anomalies, png));
    }

    /**
     * Scores the time steps {@code steps} (numbered from {@code firstStep} in the whole series) with {@code detector}
     * and writes {@code window-scores.csv} (id: a window's first step), {@code step-scores.csv} (id: the step) and
     * {@code series.png} (the series, the step scores, the threshold, the labelled and the flagged spans) into {@code folder}.
     *
     * @param model  the model, for the first line
     * @param family the model's family, for the picture's title
     * @param name   the series and its part, e.g. {@code sensors test}
     */
    public static AnomalyReport ofSeries(SeriesDetector detector, Dataset steps, int firstStep, String model, String family, String name,
            Path folder) {
        SeriesDetection found = detector.detect(steps, firstStep);
        SeriesScores scores = found.scores();
        Dataset covered = steps.slice(0, scores.steps().length).toDataset();
        Dataset windows = detector.cut().apply(steps);
        ResultCsvWriter csv = new ResultCsvWriter();
        Path windowCsv = csv.write(folder.resolve("window-scores.csv"), found.windowStarts(), windows.hasLabels() ? windows.labels() : null,
                List.of(), List.of("score"), scores.windows());
        Path stepCsv = csv.write(folder.resolve("step-scores.csv"), found.stepNumbers(), covered.hasLabels() ? covered.labels() : null,
                List.of(), List.of("score"), scores.steps());
        Path png = new SeriesPlot().write(folder.resolve("series.png"), family + " on " + name + ": step scores, flagged spans", covered,
                found.firstStep(), scores.steps(), detector.stepThreshold().value(), found.labelledSpans(), found.flaggedSpans());
        int uncovered = steps.size() - covered.size();
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "%s on %s: %d steps in %d windows of %d (stride %d)%s", model, name, steps.size(),
                windows.size(), detector.cut().length(), detector.cut().stride(), uncovered > 0 ? "; the last " + uncovered
                        + " fill no window and are not scored" : ""));
        lines.add(String.format(Locale.ROOT, "  windows: threshold %.6g (%s), flagged %d of %d", detector.windowThreshold().value(),
                detector.windowThreshold().description(), found.flaggedWindows(), windows.size()));
        scores.windowTruth().ifPresent(t -> lines.add(ranking("windows: ", scores.windows(), t, found.windowFlags())));
        List<Span> spans = found.flaggedSpans();
        String shown = spans.stream().limit(SHOWN_SPANS).map(s -> s.start() + "-" + (s.end() - 1)).collect(Collectors.joining(", "));
        lines.add(String.format(Locale.ROOT, "  steps: threshold %.6g (%s), flagged %d of %d in %d spans%s", detector.stepThreshold().value(),
                detector.stepThreshold().description(), found.flaggedSteps(), covered.size(), spans.size(),
                spans.isEmpty() ? "" : ": " + shown + (spans.size() > SHOWN_SPANS ? ", ..." : "")));
        scores.stepTruth().ifPresent(t -> lines.add(ranking("steps: ", scores.steps(), t, found.stepFlags())));
        return new AnomalyReport(lines, List.of(windowCsv, stepCsv, png));
    }

    /** The AUROC and average precision of {@code scores}, and the precision and recall of {@code flags}, against {@code truth}. */
    private static String ranking(String what, float[] scores, boolean[] truth, boolean[] flags) {
        Detection detection = Detection.of(flags, truth);
        if (detection.anomalies() == 0 || detection.anomalies() == truth.length) {
            return "  " + what + "AUROC: undefined (the samples are all " + (detection.anomalies() == 0 ? "normal" : "anomalous") + ")";
        }
        RankingMetrics ranking = new RankingMetrics(scores, truth);
        return String.format(Locale.ROOT, "  %sAUROC %.4f  average precision %.4f  (%d anomalies; flagged: precision %.3f, recall %.3f)",
                what, ranking.auroc(), ranking.averagePrecision(), detection.anomalies(), detection.precision(), detection.recall());
    }
}
