package dev.autoencoder.cli.spark;

import dev.autoencoder.data.catalog.DataRecipe;
import dev.autoencoder.spark.input.TableColumns;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.MetadataBuilder;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * What the Spark commands share, and the only class of theirs whose signatures name Spark's types (so that picocli
 * can list the commands, and the rest of {@code ae} runs, without Spark on the classpath): the session, reading
 * Parquet and CSV tables, the data recipe carried in a feature column's metadata, and writing a table atomically.
 */
final class SparkJobs {
    /** The key of a feature column's metadata that holds the data recipe of its samples. */
    static final String RECIPE = "ae.recipe";
    /** Spark's largest task result sent directly to the driver; spark-submit's {@code --conf} wins over ae's value. */
    private static final String DIRECT_RESULTS = "spark.task.maxDirectResultSize";

    private SparkJobs() {
    }

    /** The session on the master the options ask for (after {@link SparkOptions#requireSpark()}). */
    static SparkSession session(SparkOptions options) {
        SparkSession.Builder builder = SparkSession.builder().master(options.master()).appName("ae")
                .config("spark.ui.showConsoleProgress", "false");
        if (System.getProperty(DIRECT_RESULTS) == null) {
            // a training step's result is 4 bytes per parameter per partition (3.8 MB for W1): sent directly rather than
            // through the block manager above Spark's 1 MB default (W1 synchronous on local[2]: 1,034 -> 1,220 samples/s)
            builder.config(DIRECT_RESULTS, "64m");
        }
        if (options.master().startsWith("local")) {
            // one machine: the driver on the loopback address (Spark's warning that the host name resolves to it is
            // moot), no web UI
            System.setProperty("org.slf4j.simpleLogger.log.org.apache.spark.util.Utils", "error");
            builder.config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1").config("spark.ui.enabled",
                    "false");
        }
        SparkSession spark = builder.getOrCreate();
        spark.sparkContext().setLogLevel("ERROR");
        return spark;
    }

    /**
     * The table at {@code path}, Parquet (a folder or {@code .parquet} file) or CSV with a header, with the array column
     * {@code column}: its own, or else its numeric columns but {@code labelColumn} packed into it; repartitioned when
     * asked.
     *
     * @throws IllegalArgumentException when a local path does not exist
     */
    static Dataset<Row> read(SparkSession spark, String path, String column, String labelColumn, int partitions) {
        if (!path.contains("://") && !Files.exists(Path.of(path))) {
            throw new IllegalArgumentException("--data " + path + ": no such file or folder");
        }
        Dataset<Row> table = path.toLowerCase(Locale.ROOT).endsWith(".csv")
                ? spark.read().option("header", "true").option("inferSchema", "true").csv(path) : spark.read().parquet(path);
        Dataset<Row> rows = TableColumns.packed(table, column, labelColumn == null ? Set.of() : Set.of(labelColumn));
        return partitions > 0 ? rows.repartition(partitions) : rows;
    }

    /**
     * Writes the samples of {@code part}, {@code repeat} times, as a Parquet table of {@code id}, {@code features}
     * (carrying {@code recipe} in its metadata) and {@code label}; the samples reach the executors as one broadcast.
     *
     * @return the rows written
     */
    static long writeSamples(SparkOptions options, dev.autoencoder.data.Dataset part, int repeat, DataRecipe recipe, String out,
            boolean force) {
        SparkSession spark = session(options);
        requireWritable(spark, out, force);
        int n = part.size();
        int length = part.sampleSize();
        int[] labels = new int[part.hasLabels() ? n : 0];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = part.label(i);
        }
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Broadcast<float[]> features = jsc.broadcast(part.features());
        Broadcast<int[]> labelled = jsc.broadcast(labels);
        long rows = (long) n * repeat;
        int partitions = options.partitions() > 0 ? options.partitions() : spark.sparkContext().defaultParallelism();
        JavaRDD<Row> table = spark.range(0, rows, 1, partitions).javaRDD().map(id -> {
            int i = (int) (id % n);
            float[] x = features.value();
            Float[] sample = new Float[length];
            for (int j = 0; j < length; j++) {
                sample[j] = x[i * length + j];
            }
            int[] y = labelled.value();
            return RowFactory.create(id, sample, y.length == 0 ? null : y[i]);
        });
        StructType schema = new StructType().add("id", DataTypes.LongType, false)
                .add("features", DataTypes.createArrayType(DataTypes.FloatType, false), false, metadata(recipe))
                .add("label", DataTypes.IntegerType, true);
        try {
            writeParquet(spark, spark.createDataFrame(table, schema), out, force);
        } finally {
            features.destroy();
            labelled.destroy();
        }
        return rows;
    }

    /** The data recipe in {@code column}'s metadata (written by {@code ae spark parquet}), if any. */
    static Optional<DataRecipe> recipe(Dataset<Row> rows, String column) {
        return Arrays.stream(rows.schema().fields()).filter(f -> f.name().equals(column)).findFirst().map(StructField::metadata)
                .filter(m -> m.contains(RECIPE)).map(m -> DataRecipe.fromJson(m.getString(RECIPE)));
    }

    /** Metadata that carries {@code recipe}. */
    static Metadata metadata(DataRecipe recipe) {
        return new MetadataBuilder().putString(RECIPE, recipe.toJson()).build();
    }

    /**
     * The shape of the samples in {@code column}, read from its first row: {@code [values]} for an array, {@code [1 or
     * 3, height, width]} for image bytes (grayscale when the image has one colour component).
     */
    static int[] sampleShape(Dataset<Row> rows, String column) {
        if (!Arrays.asList(rows.columns()).contains(column)) {
            throw new IllegalArgumentException("the data has no column '" + column + "' (its columns: " + String.join(", ", rows.columns())
                    + "); name the feature column with --column");
        }
        Row first = rows.select(column).head();
        if (first.isNullAt(0)) {
            throw new IllegalArgumentException("column '" + column + "' is null in the first row");
        }
        if (!(first.get(0) instanceof byte[] encoded)) {
            return new int[] {first.getList(0).size()};
        }
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(encoded));
            if (image == null) {
                throw new IllegalArgumentException("column '" + column + "' holds bytes that are no image in its first row");
            }
            return new int[] {image.getColorModel().getNumColorComponents() == 1 ? 1 : 3, image.getHeight(), image.getWidth()};
        } catch (IOException e) {
            throw new IllegalArgumentException("column '" + column + "' holds no readable image in its first row: " + e.getMessage(), e);
        }
    }

    /**
     * Writes {@code rows} as Parquet to {@code out}: first into a hidden folder beside it, which replaces {@code out}
     * only once Spark has committed every partition, so a failed job leaves {@code out} as it was.
     *
     * @throws IllegalArgumentException when {@code out} exists and {@code force} is false (checked before any work)
     */
    static void writeParquet(SparkSession spark, Dataset<Row> rows, String out, boolean force) {
        org.apache.hadoop.fs.Path target = new org.apache.hadoop.fs.Path(out);
        try {
            FileSystem fs = target.getFileSystem(spark.sparkContext().hadoopConfiguration());
            requireWritable(fs, target, force);
            org.apache.hadoop.fs.Path partial = new org.apache.hadoop.fs.Path(target.getParent(), "." + target.getName() + "."
                    + UUID.randomUUID() + ".partial");
            try {
                rows.write().parquet(partial.toString());
                if (fs.exists(target)) {
                    fs.delete(target, true);
                }
                if (!fs.rename(partial, target)) {
                    throw new IOException("cannot rename " + partial + " to " + target);
                }
            } finally {
                fs.delete(partial, true);
            }
        } catch (IOException e) {
            throw new IllegalArgumentException(out + ": cannot write: " + e.getMessage(), e);
        }
    }

    /**
     * @throws IllegalArgumentException when {@code out} exists and {@code force} is false
     */
    static void requireWritable(SparkSession spark, String out, boolean force) {
        org.apache.hadoop.fs.Path target = new org.apache.hadoop.fs.Path(out);
        try {
            requireWritable(target.getFileSystem(spark.sparkContext().hadoopConfiguration()), target, force);
        } catch (IOException e) {
            throw new IllegalArgumentException(out + ": cannot write: " + e.getMessage(), e);
        }
    }

    private static void requireWritable(FileSystem fs, org.apache.hadoop.fs.Path target, boolean force) throws IOException {
        if (fs.exists(target) && !force) {
            throw new IllegalArgumentException(target + " already exists: choose another --out, or replace it with --force");
        }
    }
}
