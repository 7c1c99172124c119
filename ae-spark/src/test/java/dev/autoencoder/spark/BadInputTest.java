package dev.autoencoder.spark;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autoencoder.models.checkpoint.CheckpointException;
import dev.autoencoder.models.family.Family;
import dev.autoencoder.spark.input.BadInputException;
import dev.autoencoder.spark.score.DistributedScorer;
import dev.autoencoder.spark.score.ScoringOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input fails before anything is scored, with one {@link BadInputException} that names the column, the problem
 * and an example row (here the row with id 41 among 100 good ones); a checkpoint that does not fit names both shapes.
 */
class BadInputTest {
    private static final ScoringOptions OPTIONS = ScoringOptions.defaults().withBackend("pure");
    private static final int BAD_ID = 41;

    @TempDir
    static Path folder;
    private static Path checkpoint;

    @BeforeAll
    static void model() {
        checkpoint = DigitsFixture.checkpoint(folder, Family.AE, DigitsFixture.FEATURES, 3);
    }

    /** 100 rows of 64 zeros each, but row {@link #BAD_ID}'s features are {@code bad}. */
    private static Dataset<Row> withBadRow(Object bad, StructType schema) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            Float[] zeros = new Float[DigitsFixture.FEATURES];
            java.util.Arrays.fill(zeros, 0f);
            rows.add(RowFactory.create(i, i == BAD_ID ? bad : zeros));
        }
        return LocalSpark.session().createDataFrame(rows, schema).repartition(2);
    }

    private static String failure(Dataset<Row> data, Path model) {
        try (DistributedScorer scorer = DistributedScorer.of(LocalSpark.session(), model, OPTIONS)) {
            return assertThrows(BadInputException.class, () -> scorer.score(data, "features").collectAsList()).getMessage();
        }
    }

    private static void assertNames(String message, String... parts) {
        for (String part : parts) {
            assertTrue(message.contains(part), "'" + part + "' missing from: " + message);
        }
    }

    @Test
    void aRowOfTheWrongLength() {
        Float[] short63 = new Float[63];
        java.util.Arrays.fill(short63, 0f);
        assertNames(failure(withBadRow(short63, DigitsFixture.schema()), checkpoint), "'features'", "63 values", "[64]", "[" + BAD_ID + ",");
    }

    @Test
    void aNullRow() {
        assertNames(failure(withBadRow(null, DigitsFixture.schema()), checkpoint), "'features'", "is null", "[" + BAD_ID + ",");
    }

    @Test
    void aNaNOrANullValue() {
        Float[] nan = new Float[DigitsFixture.FEATURES];
        java.util.Arrays.fill(nan, 0f);
        nan[5] = Float.NaN;
        assertNames(failure(withBadRow(nan, DigitsFixture.schema()), checkpoint), "'features'", "NaN at position 5", "[" + BAD_ID + ",");
        Float[] hole = nan.clone();
        hole[5] = null;
        assertNames(failure(withBadRow(hole, DigitsFixture.schema()), checkpoint), "'features'", "null at position 5", "[" + BAD_ID + ",");
    }

    @Test
    void nonNumericValues() {
        StructType strings = new StructType().add("id", DataTypes.IntegerType).add("features", DataTypes.StringType);
        List<Row> rows = List.of(RowFactory.create(0, "0.1,0.2"));
        Dataset<Row> data = LocalSpark.session().createDataFrame(rows, strings);
        assertNames(failure(data, checkpoint), "'features'", "type string", "not an array of numbers", "[0,0.1,0.2]");
    }

    @Test
    void aMissingColumn() {
        assertNames(failure(LocalSpark.session().range(3).toDF(), checkpoint), "no feature column 'features'", "[id]");
    }

    @Test
    void aCheckpointThatDoesNotFitTheData() {
        SparkSession spark = LocalSpark.session();
        Path wide = DigitsFixture.checkpoint(folder, Family.AE, 100, 3);
        assertNames(failure(DigitsFixture.table(spark, 2), wide), "'features'", "64 values", "shape [100]", "(100 values)");
    }

    @Test
    void aDamagedCheckpointNamesTheFile() throws IOException {
        Path damaged = folder.resolve("damaged.safetensors");
        byte[] bytes = Files.readAllBytes(checkpoint);
        Files.write(damaged, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        CheckpointException e = assertThrows(CheckpointException.class, () -> DistributedScorer.of(LocalSpark.session(), damaged, OPTIONS));
        assertNames(e.getMessage(), "damaged.safetensors");
    }
}
