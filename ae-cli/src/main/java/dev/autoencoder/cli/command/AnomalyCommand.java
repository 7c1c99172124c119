package dev.autoencoder.cli.command;

import dev.autoencoder.cli.option.ThresholdOptions;
import dev.autoencoder.data.Dataset;
import dev.autoencoder.data.catalog.Classes;
import dev.autoencoder.data.catalog.DataRecipe;
import dev.autoencoder.data.plot.ScoreHistogram;
import dev.autoencoder.data.write.ResultCsvWriter;
import dev.autoencoder.models.anomaly.AnomalyDetector;
import dev.autoencoder.models.anomaly.Detection;
import dev.autoencoder.models.anomaly.GroundTruth;
import dev.autoencoder.models.anomaly.RankingMetrics;
import dev.autoencoder.models.anomaly.Threshold;
import dev.autoencoder.models.family.AnomalyScore;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.IntStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ae anomaly}: anomaly scores, a threshold from the training scores, flagged samples, and the AUROC. */
@Command(name = "anomaly", header = "Anomaly scores, a threshold, the flagged samples, the AUROC.",
        mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Score every sample (reconstruction MSE, or a VAE's negative reconstruction log-probability), set a "
                + "threshold from the scores of the training samples, and flag the samples above it. Writes scores.csv, "
                + "anomalies.csv (the flagged ones) and scores.png (histogram with the threshold).",
            "With labels, reports the AUROC: anomalies are the samples whose label is not --normal-class (for a model "
                + "trained with 'ae train --normal-class N', N by default), or label 1 when the labels are 0 and 1."})
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
        truth.ifPresent(t -> report(scores, t, flags));
        stdout().printf("  %s%n  %s%n  %s%n", all, anomalies, png);
    }


    private void report(float[] scores, boolean[] truth, boolean[] flags) {
        Detection detection = Detection.of(flags, truth);
        if (detection.anomalies() == 0 || detection.anomalies() == truth.length) {
            stdout().println("  AUROC: undefined (the samples are all " + (detection.anomalies() == 0 ? "normal" : "anomalous") + ")");
            return;
        }
        RankingMetrics ranking = new RankingMetrics(scores, truth);
        stdout().printf(Locale.ROOT, "  AUROC %.4f  average precision %.4f  (%d anomalies; flagged: precision %.3f, recall %.3f)%n",
                ranking.auroc(), ranking.averagePrecision(), detection.anomalies(), detection.precision(), detection.recall());
    }

    private static float[] gather(float[] scores, int[] indices) {
        float[] out = new float[indices.length];
        for (int k = 0; k < indices.length; k++) {
            out[k] = scores[indices[k]];
        }
        return out;
    }
}
