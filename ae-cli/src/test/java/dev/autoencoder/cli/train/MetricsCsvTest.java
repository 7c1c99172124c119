package dev.autoencoder.cli.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autoencoder.models.train.EpochMetrics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetricsCsvTest {
    @TempDir
    Path dir;

    private static Map<String, Double> terms(double reconstruction, double kl) {
        Map<String, Double> terms = new LinkedHashMap<>();
        terms.put("reconstruction", reconstruction);
        terms.put("kl", kl);
        terms.put("total", reconstruction + kl);
        return terms;
    }

    @Test
    void rowsRoundTrip() throws Exception {
        List<EpochMetrics> history = List.of(new EpochMetrics(0, terms(30, 2), terms(31, 2.5), 1e-3, 1234.5, true),
                new EpochMetrics(1, terms(25, 3), terms(26, 3.5), 1e-3, 1300, false));
        Path file = dir.resolve("metrics.csv");
        MetricsCsv.write(file, history);
        assertEquals("epoch,train_reconstruction,train_kl,train_total,val_reconstruction,val_kl,val_total,lr,samples_per_s",
                Files.readAllLines(file).get(0));
        List<EpochMetrics> back = MetricsCsv.read(file);
        assertEquals(2, back.size());
        assertEquals(history.get(1).train(), back.get(1).train());
        assertEquals(history.get(1).validation(), back.get(1).validation());
        assertEquals(1, back.get(1).epoch());
        assertEquals(1300, back.get(1).samplesPerSecond());
        assertTrue(MetricsCsv.read(dir.resolve("none.csv")).isEmpty());
    }

    @Test
    void progressLinesFormatTermsAndDurations() {
        assertEquals("reconstruction 30.00  kl 2.000  total 32.00", ProgressPrinter.terms(terms(30, 2)));
        assertEquals("loss 0.5000", ProgressPrinter.terms(Map.of("reconstruction", 0.5, "total", 0.5)));
        assertEquals("42s", ProgressPrinter.duration(42.2));
        assertEquals("3m05s", ProgressPrinter.duration(185));
        assertEquals("1h02m", ProgressPrinter.duration(3725));
        assertEquals("?", ProgressPrinter.duration(Double.POSITIVE_INFINITY));
    }
}
