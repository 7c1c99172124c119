package dev.autoencoder.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autoencoder.api.DType;
import dev.autoencoder.api.TensorBackend;
import dev.autoencoder.backend.pure.PureBackend;
import dev.autoencoder.data.Dataset;
import dev.autoencoder.data.image.ColorMode;
import dev.autoencoder.data.image.ImageFolderLoader;
import dev.autoencoder.data.image.ImageFolderOptions;
import dev.autoencoder.data.transform.MinMaxScaler;
import dev.autoencoder.models.checkpoint.ModelCheckpoint;
import dev.autoencoder.models.checkpoint.Provenance;
import dev.autoencoder.models.factory.Models;
import dev.autoencoder.models.family.AnomalyScore;
import dev.autoencoder.models.family.Family;
import dev.autoencoder.models.family.ModelSpec;
import dev.autoencoder.models.inference.Inference;
import dev.autoencoder.models.nn.Init;
import dev.autoencoder.api.random.Rng;
import dev.autoencoder.spark.input.BadInputException;
import dev.autoencoder.spark.score.DistributedScorer;
import dev.autoencoder.spark.score.ScoreColumns;
import dev.autoencoder.spark.score.ScoringOptions;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A column of encoded images (PNG bytes) feeds a model of images ({@code [C, H, W]}, here conv-ae) as the image-folder loader reads the same files: 200 digits written as
 * 8x8 PNGs score on Spark as {@code Inference} scores the folder's samples, and bytes that are no image fail in one
 * message naming the column and the row.
 */
class ImageBytesColumnTest {
    private static final int IMAGES = 200;

    @TempDir
    static Path dir;
    private static Path checkpoint;
    private static List<byte[]> png;
    private static float[] localScores;

    @BeforeAll
    static void writeImagesAndScoreThemLocally() throws IOException {
        Path images = Files.createDirectories(dir.resolve("digits"));
        png = new ArrayList<>();
        float[] x = DigitsFixture.DIGITS.features();
        for (int i = 0; i < IMAGES; i++) {
            BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_BYTE_GRAY);
            for (int p = 0; p < 64; p++) {
                image.getRaster().setSample(p % 8, p / 8, 0, Math.round(x[i * 64 + p] * 255));
            }
            Path file = images.resolve(String.format("%04d.png", i));
            ImageIO.write(image, "png", file.toFile());
            png.add(Files.readAllBytes(file));
        }
        TensorBackend backend = new PureBackend(1);
        ModelSpec spec = ModelSpec.defaults(Family.CONV_AE, List.of(1, 8, 8));
        checkpoint = dir.resolve("images.safetensors");
        ModelCheckpoint.save(checkpoint, Models.build(spec, new Init(backend, DType.F32, new Rng(3))),
                new Provenance(3, backend.name(), backend.version(), Provenance.frameworkVersion(), "digits", IMAGES));
        Dataset folder = new ImageFolderLoader().load(images, ImageFolderOptions.originalSize(ColorMode.GRAYSCALE));
        float[] scaled = new float[folder.features().length];
        for (int i = 0; i < folder.size(); i++) {
            MinMaxScaler.ofRange(0, 255).transformSample(folder.features(), i * 64, scaled, i * 64, new int[] {1, 8, 8});
        }
        Inference local = new Inference(backend, ModelCheckpoint.load(checkpoint, backend, DType.F32).model(), 64);
        localScores = local.scores(Dataset.unlabeled("folder", scaled, 1, 8, 8), AnomalyScore.reconstructionError(), 0);
    }

    private static org.apache.spark.sql.Dataset<Row> table(List<byte[]> images) {
        SparkSession spark = LocalSpark.session();
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < images.size(); i++) {
            rows.add(RowFactory.create(i, images.get(i)));
        }
        StructType schema = new StructType().add("id", DataTypes.IntegerType, false).add("image", DataTypes.BinaryType, true);
        return spark.createDataFrame(JavaSparkContext.fromSparkContext(spark.sparkContext()).parallelize(rows, 3), schema);
    }

    @Test
    void pngBytesScoreAsTheImageFolderLoaderReadsThem() {
        try (DistributedScorer scorer = DistributedScorer.of(LocalSpark.session(), checkpoint, ScoringOptions.defaults().withBackend("pure"))) {
            List<Row> rows = scorer.score(table(png), "image").orderBy("id").collectAsList();
            assertEquals(IMAGES, rows.size());
            for (Row row : rows) {
                int i = row.getInt(0);
                assertEquals(localScores[i], row.getDouble(row.fieldIndex(ScoreColumns.SCORE)), 1e-6, "score of image " + i);
            }
        }
    }

    @Test
    void bytesThatAreNoImageNameTheColumnAndRow() {
        List<byte[]> images = new ArrayList<>(png.subList(0, 10));
        images.set(7, "not a picture".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        try (DistributedScorer scorer = DistributedScorer.of(LocalSpark.session(), checkpoint, ScoringOptions.defaults().withBackend("pure"))) {
            BadInputException e = assertThrows(BadInputException.class, () -> scorer.score(table(images), "image").collectAsList());
            assertTrue(e.getMessage().contains("feature column 'image'") && e.getMessage().contains("no image")
                    && e.getMessage().contains("[7,"), e.getMessage());
        }
    }
}
