package dev.autoencoder.data.series;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.autoencoder.data.Dataset;
import dev.autoencoder.data.csv.ColumnRef;
import dev.autoencoder.data.csv.CsvLoader;
import dev.autoencoder.data.csv.CsvOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SlidingWindowsTest {
    @TempDir
    Path dir;

    @Test
    void cutsChannelMajorWindowsWithAStride() {
        float[] steps = {0, 100, 1, 101, 2, 102, 3, 103, 4, 104, 5, 105, 6, 106};
        Dataset series = Dataset.labeled("s", steps, new int[] {2}, new int[] {0, 0, 0, 1, 0, 0, 0});
        SlidingWindows windows = new SlidingWindows(3, 2);
        Dataset w = windows.apply(series);
        assertEquals(3, windows.windowCount(7));
        assertEquals(3, w.size());
        assertArrayEquals(new int[] {2, 3}, w.sampleShape());
        assertArrayEquals(new float[] {2, 3, 4, 102, 103, 104}, w.slice(1, 2).features());
        assertArrayEquals(new int[] {0, 1, 0}, w.labels(), "a window touching an anomalous step is anomalous");
        assertEquals(4, windows.windowStart(2));
    }

    @Test
    void loadsWindowsFromChosenCsvColumns() throws IOException {
        StringBuilder csv = new StringBuilder("time,temp,load,anomaly\n");
        for (int t = 0; t < 10; t++) {
            csv.append(t).append(',').append(20 + t).append(',').append(t * 0.5).append(',').append(t == 9 ? 1 : 0)
                    .append('\n');
        }
        Path file = Files.writeString(dir.resolve("sensor.csv"), csv);
        CsvOptions options = CsvOptions.defaults().withFeatureColumns(ColumnRef.named("temp"), ColumnRef.named("load"))
                .withLabelColumn(ColumnRef.named("anomaly"));
        Dataset steps = new CsvLoader().load(file, options);
        Dataset w = new SlidingWindows(4, 3).apply(steps);
        assertEquals(3, w.size());
        assertArrayEquals(new float[] {23, 24, 25, 26, 1.5f, 2, 2.5f, 3}, w.slice(1, 2).features());
        assertArrayEquals(new int[] {0, 0, 1}, w.labels());
        var e = assertThrows(IllegalArgumentException.class, () -> new SlidingWindows(11, 1).apply(steps));
        assertEquals("series 'sensor' has 10 steps, fewer than one window of 11", e.getMessage());
    }
}
