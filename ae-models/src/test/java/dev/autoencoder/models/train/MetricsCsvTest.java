package dev.autoencoder.models.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autoencoder.data.DataFormatException;
import dev.autoencoder.data.DataNotFoundException;
import dev.autoencoder.data.plot.EpochCurves;
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

    private static final List<EpochMetrics> HISTORY = List.of(new EpochMetrics(0, terms(30, 2), terms(31, 2.5), 1e-3, 1234.5, true),
            new EpochMetrics(1, terms(25, 3), terms(26, 3.5), 1e-3, 1300, false));

    @Test
    void rowsRoundTrip() throws Exception {
        Path file = dir.resolve("metrics.csv");
        MetricsCsv.write(file, HISTORY);
        assertEquals("epoch,train_reconstruction,train_kl,train_total,val_reconstruction,val_kl,val_total,lr,samples_per_s",
                Files.readAllLines(file).get(0));
        List<EpochMetrics> back = MetricsCsv.read(file);
        assertEquals(2, back.size());
        assertEquals(HISTORY.get(1).train(), back.get(1).train());
        assertEquals(HISTORY.get(1).validation(), back.get(1).validation());
        assertEquals(1, back.get(1).epoch());
        assertEquals(1300, back.get(1).samplesPerSecond());
        assertTrue(MetricsCsv.read(dir.resolve("none.csv")).isEmpty());
    }

    /** The format of run folders written before: the same bytes are written, and they read back. */
    @Test
    void theFileFormatIsUnchanged() throws Exception {
        String before = "epoch,train_reconstruction,train_kl,train_total,val_reconstruction,val_kl,val_total,lr,samples_per_s\n"
                + "1,30.0,2.0,32.0,31.0,2.5,33.5,0.001,1234.5\n"
                + "2,25.0,3.0,28.0,26.0,3.5,29.5,0.001,1300.0\n";
        Path file = dir.resolve("metrics.csv");
        MetricsCsv.write(file, HISTORY);
        assertEquals(before, Files.readString(file));
        Path old = Files.writeString(dir.resolve("old.csv"), before);
        assertEquals(HISTORY.get(0).validation(), MetricsCsv.read(old).get(0).validation());
    }

    @Test
    void aListenerRewritesTheFileAfterEveryEpoch() throws Exception {
        Path file = dir.resolve("run").resolve("metrics.csv");
        MetricsCsv log = new MetricsCsv(file, HISTORY.subList(0, 1));
        assertTrue(Files.notExists(file), "nothing is written before the first epoch");
        log.onEpoch(HISTORY.get(1));
        assertEquals(3, Files.readAllLines(file).size());
        assertEquals(HISTORY.get(1).train(), MetricsCsv.read(file).get(1).train());
    }

    @Test
    void curvesHoldEveryTermPerEpoch() {
        Path file = dir.resolve("metrics.csv");
        MetricsCsv.write(file, HISTORY);
        EpochCurves curves = MetricsCsv.readCurves(file);
        assertArrayEquals(new int[] {1, 2}, curves.epochs());
        assertEquals(List.of("reconstruction", "kl", "total"), List.copyOf(curves.train().keySet()));
        assertArrayEquals(new double[] {32, 28}, curves.train().get("total"));
        assertArrayEquals(new double[] {2.5, 3.5}, curves.validation().get("kl"));
    }

    @Test
    void badFilesAreNamedWithTheirLine() throws Exception {
        Path missing = dir.resolve("missing.csv");
        assertThrows(DataNotFoundException.class, () -> MetricsCsv.readCurves(missing));
        Path empty = Files.writeString(dir.resolve("empty.csv"), "epoch,train_total,lr,samples_per_s\n");
        assertTrue(assertThrows(DataFormatException.class, () -> MetricsCsv.readCurves(empty)).getMessage().contains("no epoch"));
        Path other = Files.writeString(dir.resolve("other.csv"), "id,label,score\n1,2,3\n");
        DataFormatException header = assertThrows(DataFormatException.class, () -> MetricsCsv.read(other));
        assertEquals(1, header.line().orElseThrow());
        Path ragged = Files.writeString(dir.resolve("ragged.csv"), "epoch,train_total,lr,samples_per_s\n1,0.5,0.001,10\n2,0.4\n");
        DataFormatException row = assertThrows(DataFormatException.class, () -> MetricsCsv.read(ragged));
        assertTrue(row.getMessage().startsWith(ragged + ":3: "), row.getMessage());
        Path text = Files.writeString(dir.resolve("text.csv"), "epoch,train_total,lr,samples_per_s\n1,low,0.001,10\n");
        assertEquals(2, assertThrows(DataFormatException.class, () -> MetricsCsv.read(text)).line().orElseThrow());
    }
}
