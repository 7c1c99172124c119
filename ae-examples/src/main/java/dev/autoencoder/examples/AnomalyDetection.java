package dev.autoencoder.examples;

import dev.autoencoder.api.TensorBackend;
import dev.autoencoder.backend.pure.PureBackend;
import dev.autoencoder.data.Dataset;
import dev.autoencoder.data.catalog.Classes;
import dev.autoencoder.data.plot.ScoreHistogram;
import dev.autoencoder.data.write.ResultCsvWriter;
import dev.autoencoder.models.anomaly.AnomalyDetector;
import dev.autoencoder.models.anomaly.GroundTruth;
import dev.autoencoder.models.anomaly.RankingMetrics;
import dev.autoencoder.models.anomaly.ThresholdRule;
import dev.autoencoder.models.family.AnomalyScore;
import dev.autoencoder.models.family.Family;
import dev.autoencoder.models.family.ModelSpec;
import dev.autoencoder.models.inference.Inference;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Anomaly detection: a one-class autoencoder learns the zeros only; every other digit is an anomaly, scored by its
 * reconstruction error. Thresholds are fitted on the training zeros (their 99th percentile, and a 5% contamination);
 * the test digits are ranked (AUROC, average precision) and flagged, and their scores written ({@code scores.csv})
 * and drawn ({@code scores.png}).
 */
public final class AnomalyDetection {
    private AnomalyDetection() {
    }

    public static void main(String[] args) throws IOException {
        Path out = Digits.outputFolder(args, "anomaly-detection");
        TensorBackend backend = new PureBackend(2);
        ModelSpec spec = Digits.spec(Family.AE);
        // normal class 0 (saved in the run's data recipe): the run trains on the zeros of the training part only
        Digits.Trained trained = Digits.train(out.resolve("run"), spec, 60, 0, backend);

        Inference inference = trained.inference();
        Dataset zeros = Digits.forModel(Classes.only(trained.digits().train(), 0), spec);
        AnomalyScore score = AnomalyScore.reconstructionError();
        AnomalyDetector detector = AnomalyDetector.fit(inference, score, zeros, ThresholdRule.percentile(99), 0);
        AnomalyDetector lenient = AnomalyDetector.fit(inference, score, zeros, ThresholdRule.contamination(0.05), 0);

        Dataset test = trained.test();
        float[] scores = detector.score(test);
        boolean[] anomalous = GroundTruth.of(test, Optional.of(0)).orElseThrow(); // every digit but 0
        RankingMetrics ranking = new RankingMetrics(scores, anomalous);
        System.out.printf(Locale.ROOT, "%d test digits, %d anomalies: auroc %.4f, average precision %.4f%n", test.size(),
                ranking.anomalies(), ranking.auroc(), ranking.averagePrecision());
        for (AnomalyDetector d : new AnomalyDetector[] {detector, lenient}) {
            boolean[] flagged = d.predict(scores);
            int caught = 0;
            int falseAlarms = 0;
            for (int i = 0; i < flagged.length; i++) {
                caught += flagged[i] && anomalous[i] ? 1 : 0;
                falseAlarms += flagged[i] && !anomalous[i] ? 1 : 0;
            }
            System.out.printf(Locale.ROOT, "threshold %.5f (%s): %d anomalies flagged, %d false alarms%n", d.threshold().value(),
                    d.threshold().description(), caught, falseAlarms);
        }

        new ResultCsvWriter().writeScores(out.resolve("scores.csv"), test, scores);
        new ScoreHistogram().write(out.resolve("scores.png"), score.describe() + " of the test digits, zeros normal",
                ScoreHistogram.byTruth(scores, anomalous, "zeros"), OptionalDouble.of(detector.threshold().value()));
        System.out.println("wrote " + out.resolve("scores.csv") + " and " + out.resolve("scores.png"));
    }
}
