package dev.autoencoder.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autoencoder.api.DType;
import dev.autoencoder.backend.pure.PureBackend;
import dev.autoencoder.models.anomaly.AnomalyDetector;
import dev.autoencoder.models.anomaly.Threshold;
import dev.autoencoder.models.anomaly.ThresholdRule;
import dev.autoencoder.models.checkpoint.ModelCheckpoint;
import dev.autoencoder.models.family.AnomalyScore;
import dev.autoencoder.models.family.Family;
import dev.autoencoder.models.inference.Inference;
import dev.autoencoder.spark.score.DistributedScorer;
import dev.autoencoder.spark.score.ExecutorModels;
import dev.autoencoder.spark.score.ScoreColumns;
import dev.autoencoder.spark.score.ScoringOptions;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scores, flags, embeddings and per-feature errors computed on Spark in local[2] over 3 partitions equal the
 * library's on one machine for the same rows, and thresholds fitted on the cluster equal those fitted locally.
 */
class DistributedScoringTest {
    private static final ScoringOptions OPTIONS = ScoringOptions.defaults().withBackend("pure").withBatchSize(100).withPerFeatureErrors(true);

    @TempDir
    static Path folder;
    private static Path checkpoint;
    private static Inference local;
    private static AnomalyDetector detector;

    @BeforeAll
    static void localScores() {
        checkpoint = DigitsFixture.checkpoint(folder, Family.AE, DigitsFixture.FEATURES, 7);
        PureBackend backend = new PureBackend(1);
        local = new Inference(backend, ModelCheckpoint.load(checkpoint, backend, DType.F32).model(), 256);
        detector = AnomalyDetector.fit(local, AnomalyScore.reconstructionError(), DigitsFixture.DIGITS, ThresholdRule.percentile(99), 0);
    }

    private static List<Row> scored(DistributedScorer scorer, Threshold threshold) {
        return scorer.score(DigitsFixture.table(LocalSpark.session(), 3), "features", threshold).orderBy("id").collectAsList();
    }

    @Test
    void everyRowGetsTheLocalScoreFlagEmbeddingAndErrors() {
        SparkSession spark = LocalSpark.session();
        float[] scores = detector.score(DigitsFixture.DIGITS);
        boolean[] flags = detector.predict(scores);
        float[] codes = local.encode(DigitsFixture.DIGITS);
        float[] recon = local.reconstruct(DigitsFixture.DIGITS);
        float[] x = DigitsFixture.DIGITS.features();
        int latent = codes.length / scores.length;
        try (DistributedScorer scorer = DistributedScorer.of(spark, checkpoint, OPTIONS)) {
            List<Row> rows = scored(scorer, detector.threshold());
            assertEquals(DigitsFixture.DIGITS.size(), rows.size());
            int flagged = 0;
            for (Row row : rows) {
                int i = row.getInt(0);
                assertEquals(scores[i], row.getDouble(row.fieldIndex(ScoreColumns.SCORE)), 1e-6, "score of row " + i);
                assertEquals(flags[i], row.getBoolean(row.fieldIndex(ScoreColumns.ANOMALY)), "flag of row " + i);
                flagged += flags[i] ? 1 : 0;
                List<Float> code = row.getList(row.fieldIndex(ScoreColumns.EMBEDDING));
                assertEquals(latent, code.size());
                for (int j = 0; j < latent; j++) {
                    assertEquals(codes[i * latent + j], code.get(j), 1e-6, "embedding of row " + i);
                }
                List<Float> errors = row.getList(row.fieldIndex(ScoreColumns.ERRORS));
                double sum = 0;
                for (int j = 0; j < DigitsFixture.FEATURES; j++) {
                    float d = x[i * DigitsFixture.FEATURES + j] - recon[i * DigitsFixture.FEATURES + j];
                    assertEquals(d * d, errors.get(j), 1e-6, "error of feature " + j + " of row " + i);
                    sum += errors.get(j);
                }
                assertEquals(scores[i], sum / DigitsFixture.FEATURES, 1e-6, "the MSE is the mean of the per-feature errors");
            }
            assertTrue(flagged > 0 && flagged < rows.size() / 50, "the 99th percentile flags about 1% of the normal rows: " + flagged);
        }
    }

    @Test
    void withoutAThresholdTheFlagIsNull() {
        try (DistributedScorer scorer = DistributedScorer.of(LocalSpark.session(), checkpoint, OPTIONS)) {
            Row first = scored(scorer, null).get(0);
            assertTrue(first.isNullAt(first.fieldIndex(ScoreColumns.ANOMALY)));
        }
    }

    @Test
    void thresholdsFittedOnTheClusterEqualTheLocalOnes() {
        float[] scores = detector.trainingScores();
        try (DistributedScorer scorer = DistributedScorer.of(LocalSpark.session(), checkpoint, OPTIONS)) {
            for (ThresholdRule rule : List.of(ThresholdRule.percentile(99), ThresholdRule.percentile(50), ThresholdRule.contamination(0.05),
                    ThresholdRule.contamination(0), ThresholdRule.meanPlusSigma(3), ThresholdRule.fixed(0.25))) {
                Threshold expected = rule.fit(scores);
                Threshold fitted = scorer.fitThreshold(DigitsFixture.table(LocalSpark.session(), 3), "features", rule);
                assertEquals(expected.value(), fitted.value(), 1e-6 * Math.abs(expected.value()), rule.toString());
                assertEquals(expected.description(), fitted.description(), rule.toString());
            }
        }
    }

    @Test
    void eachExecutorJvmLoadsACheckpointOnce() {
        Path another = DigitsFixture.checkpoint(folder, Family.AE, DigitsFixture.FEATURES, 11);
        int before = ExecutorModels.loaded();
        try (DistributedScorer scorer = DistributedScorer.of(LocalSpark.session(), another, OPTIONS)) {
            scored(scorer, null);
            scored(scorer, null);
        }
        // local[2]: the driver's JVM is the only executor JVM; 3 partitions, 2 jobs, one load
        assertEquals(before + 1, ExecutorModels.loaded());
    }
}
