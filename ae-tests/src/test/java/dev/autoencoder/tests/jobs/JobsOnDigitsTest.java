package dev.autoencoder.tests.jobs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autoencoder.api.DType;
import dev.autoencoder.api.random.Rng;
import dev.autoencoder.backend.pure.PureBackend;
import dev.autoencoder.data.DataFormatException;
import dev.autoencoder.data.Dataset;
import dev.autoencoder.data.bundled.BundledDigits;
import dev.autoencoder.models.anomaly.AnomalyDetector;
import dev.autoencoder.models.anomaly.GroundTruth;
import dev.autoencoder.models.anomaly.RankingMetrics;
import dev.autoencoder.models.anomaly.ThresholdRule;
import dev.autoencoder.models.codec.CodeFile;
import dev.autoencoder.models.codec.Compressor;
import dev.autoencoder.models.codec.Precision;
import dev.autoencoder.models.factory.Models;
import dev.autoencoder.models.family.AnomalyScore;
import dev.autoencoder.models.family.Autoencoder;
import dev.autoencoder.models.family.Family;
import dev.autoencoder.models.family.ModelSpec;
import dev.autoencoder.models.inference.Inference;
import dev.autoencoder.models.nn.Init;
import dev.autoencoder.models.optim.Adam;
import dev.autoencoder.models.optim.LrSchedule;
import dev.autoencoder.models.train.Progress;
import dev.autoencoder.models.train.TrainConfig;
import dev.autoencoder.models.train.Trainer;
import dev.autoencoder.models.train.TrainingData;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The jobs of the library on real data: a one-class model of the digit 0 on the bundled digits. */
class JobsOnDigitsTest {
    private static final PureBackend BACKEND = new PureBackend(2);
    private static Dataset zeros;
    private static Dataset all;
    private static Inference inference;

    @BeforeAll
    static void trainOnZeros() {
        Dataset raw = BundledDigits.load();
        float[] scaled = raw.data().clone();
        for (int i = 0; i < scaled.length; i++) {
            scaled[i] /= BundledDigits.MAX_PIXEL;
        }
        all = new Dataset("digits", scaled, new int[] {64}, raw.labels(), raw.classNames());
        zeros = all.select(IntStream.range(0, all.size()).filter(i -> all.label(i) == 0).toArray()).toDataset();
        ModelSpec spec = ModelSpec.defaults(Family.AE, List.of(64));
        Autoencoder model = Models.build(spec, new Init(BACKEND, DType.F32, new Rng(1)));
        Trainer trainer = new Trainer(BACKEND, new TrainConfig(40, 16, 1, 0, 0, 0, 0, DType.F32), List.of());
        trainer.fit(model, Adam.adam(model.parameters(), 0), LrSchedule.constant(3e-3), TrainingData.autoencoding(zeros.data(), 64),
                Progress.start());
        inference = new Inference(BACKEND, model, 64);
    }

    @Test
    void aOneClassModelRanksOtherDigitsAboveItsOwn() {
        AnomalyDetector detector = AnomalyDetector.fit(inference, AnomalyScore.reconstructionError(), zeros,
                ThresholdRule.percentile(95), 7);
        float[] scores = detector.score(all);
        boolean[] truth = GroundTruth.of(all, Optional.of(0)).orElseThrow();
        RankingMetrics ranking = new RankingMetrics(scores, truth);
        assertTrue(ranking.auroc() > 0.9, "AUROC " + ranking.auroc());
        assertTrue(ranking.averagePrecision() > 0.9, "AP " + ranking.averagePrecision());
        boolean[] flagged = detector.predict(all);
        long normalsFlagged = IntStream.range(0, all.size()).filter(i -> !truth[i] && flagged[i]).count();
        // the threshold lets through 95% of the zeros it was fitted on, so about 5% of all zeros are flagged
        assertTrue(normalsFlagged <= 0.06 * zeros.size() + 1, normalsFlagged + " of " + zeros.size() + " zeros flagged");
        assertArrayEquals(detector.trainingScores(), detector.score(zeros));
    }

    @Test
    void codesDecodeToTheReconstructions(@TempDir Path dir) {
        Compressor compressor = new Compressor(inference);
        Dataset test = all.slice(0, 50).toDataset();
        CodeFile file = compressor.compress(test, Precision.FLOAT32, "digits test");
        Path written = dir.resolve("codes.aec");
        file.write(written);
        CodeFile read = compressor.read(written);
        assertArrayEquals(inference.reconstruct(test), compressor.decompress(read), 1e-6f);
        assertArrayEquals(test.labels(), read.labels());
        assertEquals("digits test", read.origin());
    }

    @Test
    void codesOfAnotherModelAreRefused(@TempDir Path dir) {
        Autoencoder other = Models.build(ModelSpec.defaults(Family.AE, List.of(64)).equals(inference.model().spec())
                ? ModelSpec.defaults(Family.SPARSE_AE, List.of(64)) : ModelSpec.defaults(Family.AE, List.of(64)),
                new Init(BACKEND, DType.F32, new Rng(2)));
        Path written = dir.resolve("other.aec");
        new Compressor(new Inference(BACKEND, other, 16)).compress(all.slice(0, 3).toDataset(), Precision.FLOAT16, "x").write(written);
        DataFormatException e = assertThrows(DataFormatException.class, () -> new Compressor(inference).read(written));
        assertTrue(e.getMessage().contains("another model"), e.getMessage());
    }
}
