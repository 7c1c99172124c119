package dev.autoencoder.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autoencoder.data.Dataset;
import dev.autoencoder.data.write.ResultCsvReader;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnomalyDetectionTest {
    @Test
    void aModelOfTheZerosRanksEveryOtherDigitAboveThem(@TempDir Path dir) throws Exception {
        Printed printed = Printed.run(AnomalyDetection::main, dir);
        assertTrue(printed.number("auroc ([0-9.]+)") > 0.95);
        assertTrue(printed.number("average precision ([0-9.]+)") > 0.95);
        Matcher counts = printed.find("(\\d+) test digits, (\\d+) anomalies");
        int anomalies = Integer.parseInt(counts.group(2));
        int normal = Integer.parseInt(counts.group(1)) - anomalies;
        Matcher p99 = printed.find("\\(percentile 99 of \\d+ training scores\\): (\\d+) anomalies flagged, (\\d+) false alarms");
        assertTrue(Integer.parseInt(p99.group(1)) >= 0.9 * anomalies, p99.group());
        assertTrue(Integer.parseInt(p99.group(2)) <= 0.1 * normal, p99.group());
        Matcher contamination = printed.find("\\(contamination 0.05 of \\d+ training scores\\): (\\d+) anomalies flagged");
        assertTrue(Integer.parseInt(contamination.group(1)) >= Integer.parseInt(p99.group(1)), "a lower threshold flags more");

        Dataset scores = new ResultCsvReader().readScores(dir.resolve("scores.csv")).samples();
        assertArrayEquals(Digits.load().test().labels(), scores.labels());
        assertTrue(mean(scores, false) > 2 * mean(scores, true), "anomalies score higher than zeros");

        BufferedImage png = Printed.png(dir.resolve("scores.png"));
        assertEquals(800, png.getWidth());
        assertEquals(500, png.getHeight());
    }

    private static double mean(Dataset scores, boolean zeros) {
        double sum = 0;
        int n = 0;
        for (int i = 0; i < scores.size(); i++) {
            if ((scores.label(i) == 0) == zeros) {
                sum += scores.data()[i];
                n++;
            }
        }
        return sum / n;
    }
}
