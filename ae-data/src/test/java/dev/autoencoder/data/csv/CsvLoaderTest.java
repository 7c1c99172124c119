package dev.autoencoder.data.csv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.autoencoder.data.DataFormatException;
import dev.autoencoder.data.Dataset;
import dev.autoencoder.data.IdxTestFiles;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

class CsvLoaderTest {
    @TempDir
    Path dir;

    private final CsvLoader loader = new CsvLoader();

    private Path csv(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    @Test
    void detectsAHeaderAndReadsEveryColumnAsAFeature() throws IOException {
        Path file = csv("plain.csv", "a,b,c\n1,2,3\n\n4.5, -5e-1 ,6\n");
        Dataset d = loader.load(file, CsvOptions.defaults());
        assertEquals("plain", d.name());
        assertArrayEquals(new int[] {3}, d.sampleShape());
        assertArrayEquals(new float[] {1, 2, 3, 4.5f, -0.5f, 6}, d.data());
        assertFalse(d.hasLabels());
    }

    @Test
    void treatsAnAllNumericFirstLineAsData() throws IOException {
        Dataset d = loader.load(csv("nohead.csv", "1,2\n3,4\n"), CsvOptions.defaults());
        assertEquals(2, d.size());
    }

    @Test
    void takesTheLabelColumnByNameWithNamedClasses() throws IOException {
        Path file = csv("iris.csv", "sepal,species,petal\n1,virginica,2\n3,setosa,4\n5,virginica,6\n");
        Dataset d = loader.load(file, CsvOptions.defaults().withLabelColumn(ColumnRef.named("species")));
        assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6}, d.data());
        assertEquals(List.of("setosa", "virginica"), d.classNames());
        assertArrayEquals(new int[] {1, 0, 1}, d.labels());
    }

    @Test
    void takesTheLabelColumnByNegativeIndexWithNumericClasses() throws IOException {
        Path file = csv("digits.csv", "0,1,7\n2,3,2.0\n4,5,7\n");
        Dataset d = loader.load(file, CsvOptions.defaults().withLabelColumn(ColumnRef.index(-1)));
        assertArrayEquals(new int[] {7, 2, 7}, d.labels());
        assertEquals(List.of(), d.classNames());
        assertArrayEquals(new int[] {2}, d.sampleShape());
    }

    @Test
    void detectsAHeaderEvenWhenTheLabelColumnHoldsText() throws IOException {
        Path file = csv("textlabels.csv", "1,2,cat\n3,4,dog\n");
        Dataset d = loader.load(file, CsvOptions.defaults().withLabelColumn(ColumnRef.index(2)));
        assertEquals(2, d.size());
        assertEquals(List.of("cat", "dog"), d.classNames());
    }

    @Test
    void honoursDelimitersQuotesAndColumnChoice() throws IOException {
        Path file = csv("semi.csv", "\"x;1\";y;z\n\"1\";2;3\n4;\"5\";6\n");
        Dataset d = loader.load(file, CsvOptions.defaults().withDelimiter(';')
                .withFeatureColumns(ColumnRef.named("z"), ColumnRef.named("x;1")));
        assertArrayEquals(new float[] {3, 1, 6, 4}, d.data());
        Path tabs = csv("tabs.tsv", "1\t2\n3\t4\n");
        assertEquals("tabs", loader.load(tabs, CsvOptions.defaults().withDelimiter('\t')).name());
    }

    @Test
    void forcedHeaderModesOverrideDetection() throws IOException {
        Path file = csv("forced.csv", "1,2\n3,4\n");
        assertEquals(1, loader.load(file, CsvOptions.defaults().withHeader(HeaderMode.PRESENT)).size());
        Path text = csv("text.csv", "x,y\n3,4\n");
        assertThrowsFormat(() -> loader.load(text, CsvOptions.defaults().withHeader(HeaderMode.ABSENT)));
    }

    @Test
    void readsGzipAndWindowsLineEnds() throws IOException {
        Path gz = IdxTestFiles.write(dir.resolve("data.csv.gz"),
                IdxTestFiles.gzip("a,b\r\n1,2\r\n3,4\r\n".getBytes(StandardCharsets.UTF_8)));
        Dataset d = loader.load(gz, CsvOptions.defaults());
        assertEquals("data", d.name());
        assertArrayEquals(new float[] {1, 2, 3, 4}, d.data());
    }

    @Test
    void dropsMalformedRowsWhenAsked() throws IOException {
        Path file = csv("dirty.csv", "a,b,label\n1,2,0\n3,x,1\n4,NaN,1\n5,Infinity,0\n6,,0\n7\n8,9,\n10,11,1\n");
        Dataset d = loader.load(file, CsvOptions.defaults().withLabelColumn(ColumnRef.named("label"))
                .withBadRows(BadRowPolicy.DROP));
        assertArrayEquals(new float[] {1, 2, 10, 11}, d.data());
        assertArrayEquals(new int[] {0, 1}, d.labels());
    }

    @Test
    void streamsALargeFileIntoOneExactlySizedArray() throws IOException {
        Path file = dir.resolve("large.csv");
        int rows = 100_000;
        try (BufferedWriter out = Files.newBufferedWriter(file)) {
            out.write("f0,f1,f2,f3,label\n");
            for (int i = 0; i < rows; i++) {
                out.write(i + "," + (i + 1) + "," + (i + 2) + "," + (i % 100) / 4.0 + "," + (i % 3) + "\n");
            }
        }
        Dataset d = loader.load(file, CsvOptions.defaults().withLabelColumn(ColumnRef.named("label")));
        assertEquals(rows, d.size());
        assertEquals(rows * 4, d.data().length);
        assertEquals(99_999f + 2, d.data()[(rows - 1) * 4 + 2]);
        assertEquals(0, d.label(rows - 1));
        assertEquals(2, d.label(rows - 2));
    }

    private static void assertThrowsFormat(Executable load) {
        assertThrows(DataFormatException.class, load);
    }
}
