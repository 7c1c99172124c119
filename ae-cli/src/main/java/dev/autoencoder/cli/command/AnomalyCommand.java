package dev.autoencoder.cli.command;

import dev.autoencoder.api.random.Rng;
import dev.autoencoder.cli.model.Inference;
import dev.autoencoder.cli.report.Auroc;
import dev.autoencoder.cli.report.ErrorMetrics;
import dev.autoencoder.cli.report.ScoreHistogram;
import dev.autoencoder.cli.report.Threshold;
import dev.autoencoder.data.Dataset;
import dev.autoencoder.data.catalog.Classes;
import dev.autoencoder.data.catalog.DataRecipe;
import dev.autoencoder.data.write.ResultCsvWriter;
import dev.autoencoder.models.family.VariationalAutoencoder;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
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
    private static final double DEFAULT_PERCENTILE = 99;

    @ArgGroup(exclusive = true, heading = "The threshold (one of; default: --threshold-percentile 99):%n")
    private ThresholdChoice thresholdChoice;

    /** One way to set the threshold. */
    static final class ThresholdChoice {
        @Option(names = "--threshold-percentile", paramLabel = "P",
                description = "Threshold at this percentile of the training scores.")
        Double percentile;

        @Option(names = "--threshold-sigma", paramLabel = "K", description = "Threshold at mean + K standard deviations of the training scores.")
        Double sigma;

        @Option(names = "--threshold", paramLabel = "SCORE", description = "This threshold.")
        Double value;
    }

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
        Threshold threshold = threshold(scores(train));
        float[] scores = scores(samples);
        int[] flagged = IntStream.range(0, scores.length).filter(i -> scores[i] > threshold.value()).toArray();
        ResultCsvWriter csv = new ResultCsvWriter();
        Path all = csv.writeScores(output("scores.csv"), samples, scores);
        Path anomalies = csv.writeScores(output("anomalies.csv"), samples.select(flagged), gather(scores, flagged));
        Optional<boolean[]> truth = anomalies(samples, normal);
        Map<String, float[]> groups = new LinkedHashMap<>();
        String normalName = normal.map(c -> " (" + samples.labelName(c) + ")").orElse("");
        if (truth.isPresent()) {
            groups.put("normal" + normalName, select(scores, truth.get(), false));
            groups.put("anomalous", select(scores, truth.get(), true));
        } else {
            groups.put(samples.name(), scores);
        }
        Path png = ScoreHistogram.write(output("scores.png"), scoreName() + " on " + samples.name(), groups, threshold.value());
        stdout().printf(Locale.ROOT, "%s on %s, %d samples; score: %s%n", model().describe(), samples.name(), samples.size(), scoreName());
        stdout().printf(Locale.ROOT, "  threshold %.6g (%s)%n", threshold.value(), threshold.description());
        stdout().printf(Locale.ROOT, "  flagged %d of %d (%.2f%%)%n", flagged.length, scores.length, 100.0 * flagged.length / scores.length);
        truth.ifPresent(t -> report(scores, t, flagged));
        stdout().printf("  %s%n  %s%n  %s%n", all, anomalies, png);
    }

    /** The anomaly score of each sample: higher is more anomalous. */
    private float[] scores(Dataset samples) {
        Inference inference = inference();
        if (model().model() instanceof VariationalAutoencoder vae) {
            float[] logProb = inference.reconstructionLogProbability(vae, samples, scoreSamples, new Rng(seed()));
            for (int i = 0; i < logProb.length; i++) {
                logProb[i] = -logProb[i];
            }
            return logProb;
        }
        return ErrorMetrics.perSampleMse(inference.reconstruct(samples), samples.data(), samples.sampleSize());
    }

    private String scoreName() {
        return model().model() instanceof VariationalAutoencoder ? "negative reconstruction log-probability" : "reconstruction MSE";
    }

    private Threshold threshold(float[] trainScores) {
        if (thresholdChoice == null || thresholdChoice.percentile != null) {
            return Threshold.percentile(trainScores, thresholdChoice == null ? DEFAULT_PERCENTILE : thresholdChoice.percentile);
        }
        if (thresholdChoice.sigma != null) {
            return Threshold.sigma(trainScores, thresholdChoice.sigma);
        }
        return Threshold.fixed(thresholdChoice.value);
    }

    /** Which samples are truly anomalous: label != the normal class, or label 1 of 0/1 labels; empty when unknown. */
    private static Optional<boolean[]> anomalies(Dataset samples, Optional<Integer> normal) {
        if (!samples.hasLabels()) {
            return Optional.empty();
        }
        int[] labels = samples.labels();
        IntPredicate anomalous;
        if (normal.isPresent()) {
            anomalous = label -> label != normal.get();
        } else if (Arrays.stream(labels).allMatch(l -> l == 0 || l == 1)) {
            anomalous = label -> label == 1;
        } else {
            return Optional.empty();
        }
        boolean[] truth = new boolean[labels.length];
        for (int i = 0; i < labels.length; i++) {
            truth[i] = anomalous.test(labels[i]);
        }
        return Optional.of(truth);
    }

    private void report(float[] scores, boolean[] truth, int[] flagged) {
        long positives = IntStream.range(0, truth.length).filter(i -> truth[i]).count();
        if (positives == 0 || positives == truth.length) {
            stdout().println("  AUROC: undefined (the samples are all " + (positives == 0 ? "normal" : "anomalous") + ")");
            return;
        }
        long hits = Arrays.stream(flagged).filter(i -> truth[i]).count();
        stdout().printf(Locale.ROOT, "  AUROC %.4f  (%d anomalies; flagged: precision %.3f, recall %.3f)%n", Auroc.of(scores, truth),
                positives, flagged.length == 0 ? 0.0 : (double) hits / flagged.length, (double) hits / positives);
    }

    private static float[] select(float[] scores, boolean[] truth, boolean wanted) {
        return gather(scores, IntStream.range(0, scores.length).filter(i -> truth[i] == wanted).toArray());
    }

    private static float[] gather(float[] scores, int[] indices) {
        float[] out = new float[indices.length];
        for (int k = 0; k < indices.length; k++) {
            out[k] = scores[indices[k]];
        }
        return out;
    }
}
