package dev.autoencoder.data.write;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autoencoder.data.DataFormatException;
import dev.autoencoder.data.DataNotFoundException;
import dev.autoencoder.data.Dataset;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultCsvReaderTest {
    @TempDir
    Path dir;

    private final ResultCsvReader reader = new ResultCsvReader();

    @Test
    void embeddingsWithClassNamesRoundTrip() {
        Dataset clothes = new Dataset("clothes", new float[4], new int[] {1}, new int[] {1, 0, 1, 2},
                List.of("coat, long", "shirt \"slim\"", "sock"));
        float[] codes = {0.5f, -1f, 1e-8f, 3f, 7f, 8f};
        Path file = new ResultCsvWriter().writeEmbeddings(dir.resolve("embeddings.csv"), clothes.select(new int[] {2, 1, 3}), codes, 2);
        ResultCsvReader.Results back = reader.readEmbeddings(file);
        assertArrayEquals(new int[] {2, 1, 3}, back.ids());
        assertEquals(List.of("z0", "z1"), back.valueColumns());
        Dataset samples = back.samples();
        assertEquals("embeddings", samples.name());
        assertArrayEquals(new int[] {2}, samples.sampleShape());
        assertArrayEquals(codes, samples.data());
        assertArrayEquals(new int[] {1, 0, 2}, samples.labels());
        assertEquals(List.of("coat, long", "shirt \"slim\"", "sock"), samples.classNames());
    }

    @Test
    void scoresWithoutLabelsRoundTrip() {
        Path file = new ResultCsvWriter().writeScores(dir.resolve("scores.csv"), Dataset.unlabeled("u", new float[3], 1),
                new float[] {0.25f, 1.5f, 7f});
        ResultCsvReader.Results back = reader.readScores(file);
        assertFalse(back.samples().hasLabels());
        assertTrue(back.samples().classNames().isEmpty());
        assertArrayEquals(new float[] {0.25f, 1.5f, 7f}, back.samples().data());
        assertArrayEquals(new int[] {0, 1, 2}, back.ids());
        DataFormatException notScores = assertThrows(DataFormatException.class, () -> reader.readEmbeddings(file));
        assertTrue(notScores.getMessage().startsWith(file + ":1: is not a result file of embeddings"), notScores.getMessage());
    }

    @Test
    void malformedFilesAreNamedWithTheirLine() throws IOException {
        rejected("id,label,score\n1,3,0.5\n2,3\n", 3, "has 2 cells, the header 3");
        rejected("id,label,score\n1,3,0.5\n2,3,low\n", 3, "column score holds 'low', not a finite number");
        rejected("id,label,score\n1,3,NaN\n", 2, "not a finite number");
        rejected("id,label,score\n-1,3,0.5\n", 2, "column id holds '-1', not a non-negative integer");
        rejected("id,label,score\n1,3,0.5\n2,,0.5\n", 3, "has no label, but the rows before have one");
        rejected("id,label,score\n1,,0.5\n2,4,0.5\n", 3, "has a label, but the rows before have none");
        rejected("id,label,class,score\n1,0,cat,0.5\n2,0,dog,0.5\n", 3, "names label 0 'dog', the rows before 'cat'");
        rejected("id,label,score\n1,3,\"0.5\n", 2, "a quoted cell is not closed");
        rejected("x,y,score\n1,3,0.5\n", 1, "is not a result file of scores (score): its header is x,y,score");
        rejected("id,label,z0\n1,3,0.5\n", 1, "is not a result file of scores");
        Path headerOnly = Files.writeString(dir.resolve("header.csv"), "id,label,score\n");
        assertEquals(headerOnly + ": has a header but no rows",
                assertThrows(DataFormatException.class, () -> reader.readScores(headerOnly)).getMessage());
        Path empty = Files.writeString(dir.resolve("empty.csv"), "\n");
        assertThrows(DataFormatException.class, () -> reader.readScores(empty));
        Path missing = dir.resolve("missing.csv");
        assertEquals(missing + ": no such file", assertThrows(DataNotFoundException.class, () -> reader.read(missing)).getMessage());
    }

    private void rejected(String content, long line, String problem) throws IOException {
        Path file = Files.writeString(dir.resolve("bad.csv"), content);
        DataFormatException e = assertThrows(DataFormatException.class, () -> reader.readScores(file));
        assertEquals(line, e.line().orElseThrow(), e.getMessage());
        assertTrue(e.getMessage().startsWith(file + ":" + line + ": ") && e.getMessage().contains(problem), e.getMessage());
    }
}
