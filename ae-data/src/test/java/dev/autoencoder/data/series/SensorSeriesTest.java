package dev.autoencoder.data.series;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autoencoder.data.Dataset;
import dev.autoencoder.data.csv.ColumnRef;
import dev.autoencoder.data.csv.CsvLoader;
import dev.autoencoder.data.csv.CsvOptions;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SensorSeriesTest {
    private static final SensorSeries.Settings SETTINGS = new SensorSeries.Settings(3000, 3, 8, 2000, 7);

    @TempDir
    Path dir;

    @Test
    void theSeedGivesTheSeries() {
        SensorSeries a = SensorSeries.generate(SETTINGS);
        SensorSeries b = SensorSeries.generate(SETTINGS);
        assertArrayEquals(a.values(), b.values());
        assertArrayEquals(a.labels(), b.labels());
        assertEquals(a.anomalies(), b.anomalies());
        SensorSeries other = SensorSeries.generate(new SensorSeries.Settings(3000, 3, 8, 2000, 8));
        assertFalse(java.util.Arrays.equals(a.values(), other.values()), "another seed, another series");
        assertNotEquals(a.anomalies(), other.anomalies());
    }

    /** Against the same seed without anomalies: only the listed channel of each listed span differs, as its kind says. */
    @Test
    void anomaliesAreWhatAndWhereTheListSays() {
        SensorSeries series = SensorSeries.generate(SETTINGS);
        float[] clean = SensorSeries.generate(new SensorSeries.Settings(3000, 3, 0, 2000, 7)).values();
        float[] values = series.values();
        int channels = 3;
        boolean[] touched = new boolean[values.length];
        int[] labels = new int[3000];
        Set<SensorSeries.Kind> kinds = EnumSet.noneOf(SensorSeries.Kind.class);
        int previousEnd = 2000;
        for (SensorSeries.Anomaly a : series.anomalies()) {
            kinds.add(a.kind());
            assertTrue(a.start() >= previousEnd, a + " starts after the normal steps and the anomaly before it");
            previousEnd = a.end();
            double[] diff = new double[a.length()];
            for (int t = a.start(); t < a.end(); t++) {
                int i = t * channels + a.channel();
                diff[t - a.start()] = values[i] - clean[i];
                touched[i] = true;
                labels[t] = 1;
            }
            double first = diff[0];
            double last = diff[diff.length - 1];
            switch (a.kind()) {
                case SPIKE -> {
                    assertTrue(a.length() <= 3, a.toString());
                    for (double d : diff) {
                        assertTrue(Math.abs(d) >= 1.5, a + ": a spike of 3 to 5 amplitudes (0.5 to 1), got " + d);
                    }
                }
                case LEVEL_SHIFT -> {
                    for (double d : diff) {
                        assertEquals(first, d, 1e-5, a + ": a constant shift");
                    }
                    assertTrue(Math.abs(first) >= 0.4, a + ": shifted by " + first);
                }
                case DRIFT -> {
                    for (int k = 1; k < diff.length; k++) {
                        assertTrue(Math.abs(diff[k]) > Math.abs(diff[k - 1]), a + ": a growing ramp at " + k);
                        assertEquals(Math.signum(first), Math.signum(diff[k]), a + ": one direction");
                    }
                    assertTrue(Math.abs(last) >= 0.5, a + ": drifts to " + last);
                }
                case FREQUENCY_CHANGE -> assertTrue(java.util.Arrays.stream(diff).map(Math::abs).max().orElse(0) > 0.3,
                        a + ": a faster sine differs from the normal one");
            }
        }
        assertEquals(EnumSet.allOf(SensorSeries.Kind.class), kinds, "every kind appears");
        for (int i = 0; i < values.length; i++) {
            if (!touched[i]) {
                assertEquals(clean[i], values[i], "step " + i / channels + " channel " + i % channels + " is untouched");
            }
        }
        assertArrayEquals(labels, series.labels(), "labels are 1 exactly on the anomalies' steps");
    }

    @Test
    void theCsvReadsBackAsALabelledSeries() {
        SensorSeries series = SensorSeries.generate(new SensorSeries.Settings(300, 2, 4, 100, 3));
        Path file = series.writeCsv(dir.resolve("sensors.csv"));
        Dataset read = new CsvLoader().load(file, CsvOptions.defaults().withLabelColumn(ColumnRef.named("label")));
        assertArrayEquals(new int[] {2}, read.sampleShape());
        assertArrayEquals(series.values(), read.data());
        assertArrayEquals(series.labels(), read.labels());
        assertArrayEquals(series.values(), series.dataset("s").data());
    }

    @Test
    void impossibleSettingsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new SensorSeries.Settings(100, 0, 1, 10, 1));
        assertThrows(IllegalArgumentException.class, () -> new SensorSeries.Settings(100, 2, 1, 200, 1));
        IllegalArgumentException few = assertThrows(IllegalArgumentException.class, () -> new SensorSeries.Settings(100, 2, 20, 90, 1));
        assertTrue(few.getMessage().contains("fewer than 8"), few.getMessage());
    }

    @Test
    void spansAreTheRunsOfFlaggedSteps() {
        assertEquals(List.of(new Span(1, 3), new Span(4, 5), new Span(6, 7)),
                Span.of(new boolean[] {false, true, true, false, true, false, true}));
        assertEquals(List.of(), Span.of(new boolean[3]));
    }
}
