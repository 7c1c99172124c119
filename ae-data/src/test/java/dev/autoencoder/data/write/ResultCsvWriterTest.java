package dev.autoencoder.data.write;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.autoencoder.data.Dataset;
import dev.autoencoder.data.DatasetView;
import dev.autoencoder.data.csv.ColumnRef;
import dev.autoencoder.data.csv.CsvLoader;
import dev.autoencoder.data.csv.CsvOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultCsvWriterTest {
    @TempDir
    Path dir;

    private static Dataset clothes() {
        return new Dataset("clothes", new float[4], new int[] {1}, new int[] {1, 0, 1, 0},
                List.of("coat, long", "shirt \"slim\""));
    }

    @Test
    void writesEmbeddingsWithIdsLabelsAndClasses() throws IOException {
        DatasetView shuffled = clothes().select(new int[] {2, 1});
        Path file = dir.resolve("out").resolve("embeddings.csv");
        new ResultCsvWriter().writeEmbeddings(file, shuffled, new float[] {0.5f, -1f, 1e-8f, 3f}, 2);
        assertEquals(List.of("id,label,class,z0,z1", "2,1,\"shirt \"\"slim\"\"\",0.5,-1.0",
                "1,0,\"coat, long\",1.0E-8,3.0"), Files.readAllLines(file));
    }

    @Test
    void writesScoresThatLoadBackAsCsv() {
        Dataset unlabeled = Dataset.unlabeled("u", new float[3], 1);
        Path file = dir.resolve("scores.csv");
        new ResultCsvWriter().writeScores(file, unlabeled, new float[] {0.25f, 1.5f, 7f});
        Dataset loaded = new CsvLoader().load(file, CsvOptions.defaults().withFeatureColumns(ColumnRef.named("id"),
                ColumnRef.named("score")));
        assertArrayEquals(new float[] {0, 0.25f, 1, 1.5f, 2, 7f}, loaded.data());
        assertThrows(IllegalArgumentException.class,
                () -> new ResultCsvWriter().writeScores(file, unlabeled, new float[2]));
    }
}
