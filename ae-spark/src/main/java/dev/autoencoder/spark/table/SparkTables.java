package dev.autoencoder.spark.table;

import dev.autoencoder.data.catalog.DataRecipe;
import dev.autoencoder.data.image.ImageBytes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.MetadataBuilder;
import org.apache.spark.sql.types.StructField;

/**
 * Tables of samples on a cluster's file system: reading Parquet and CSV tables into the array (or image-bytes) column
 * ae reads, the data recipe a feature column carries in its metadata, and writing a table so that it never exists
 * half-written.
 */
public final class SparkTables {
    /** The key of a feature column's metadata that holds the data recipe of its samples. */
    public static final String RECIPE = "ae.recipe";

    private SparkTables() {
    }

    /**
     * The table at {@code path}, Parquet (a folder or {@code .parquet} file) or CSV with a header, with the column
     * {@code column}: its own, or else its numeric columns but {@code labelColumn} packed into it
     * ({@link TableColumns#packed}); repartitioned into {@code partitions} when above 0.
     *
     * @throws IllegalArgumentException when a local path does not exist
     */
    public static Dataset<Row> read(SparkSession spark, String path, String column, String labelColumn, int partitions) {
        if (!path.contains("://") && !Files.exists(Path.of(path))) {
            throw new IllegalArgumentException(path + ": no such file or folder");
        }
        Dataset<Row> table = path.toLowerCase(Locale.ROOT).endsWith(".csv")
                ? spark.read().option("header", "true").option("inferSchema", "true").csv(path) : spark.read().parquet(path);
        Dataset<Row> rows = TableColumns.packed(table, column, labelColumn == null ? Set.of() : Set.of(labelColumn));
        return partitions > 0 ? rows.repartition(partitions) : rows;
    }

    /** The data recipe in {@code column}'s metadata (written by {@link SampleTables}), if any. */
    public static Optional<DataRecipe> recipe(Dataset<Row> rows, String column) {
        return Arrays.stream(rows.schema().fields()).filter(f -> f.name().equals(column)).findFirst().map(StructField::metadata)
                .filter(m -> m.contains(RECIPE)).map(m -> DataRecipe.fromJson(m.getString(RECIPE)));
    }

    /** Column metadata that carries {@code recipe}. */
    public static Metadata metadata(DataRecipe recipe) {
        return new MetadataBuilder().putString(RECIPE, recipe.toJson()).build();
    }

    /**
     * The shape of the samples in {@code column}, read from its first row: {@code [values]} for an array, the image's
     * {@code [1 or 3, height, width]} for image bytes.
     *
     * @throws IllegalArgumentException when there is no such column, or its first row is null or no image
     */
    public static int[] sampleShape(Dataset<Row> rows, String column) {
        if (!Arrays.asList(rows.columns()).contains(column)) {
            throw new IllegalArgumentException("the data has no column '" + column + "' (its columns: " + String.join(", ", rows.columns())
                    + ")");
        }
        Row first = rows.select(column).head();
        if (first.isNullAt(0)) {
            throw new IllegalArgumentException("column '" + column + "' is null in the first row");
        }
        try {
            return first.get(0) instanceof byte[] encoded ? ImageBytes.shape(encoded) : new int[] {first.getList(0).size()};
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("column '" + column + "' in the first row " + e.getMessage(), e);
        }
    }

    /**
     * Writes {@code rows} as Parquet to {@code out}: first into a hidden folder beside it, which replaces {@code out}
     * only once Spark has committed every partition, so a failed job leaves {@code out} as it was.
     *
     * @throws IllegalArgumentException when {@code out} exists and {@code force} is false (checked before any work)
     */
    public static void writeParquet(SparkSession spark, Dataset<Row> rows, String out, boolean force) {
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
     * Checks, before any work, that {@code out} may be written.
     *
     * @throws IllegalArgumentException when {@code out} exists and {@code force} is false
     */
    public static void requireWritable(SparkSession spark, String out, boolean force) {
        org.apache.hadoop.fs.Path target = new org.apache.hadoop.fs.Path(out);
        try {
            requireWritable(target.getFileSystem(spark.sparkContext().hadoopConfiguration()), target, force);
        } catch (IOException e) {
            throw new IllegalArgumentException(out + ": cannot write: " + e.getMessage(), e);
        }
    }

    private static void requireWritable(FileSystem fs, org.apache.hadoop.fs.Path target, boolean force) throws IOException {
        if (fs.exists(target) && !force) {
            throw new IllegalArgumentException(target + " already exists: write elsewhere, or ask for it to be replaced (ae: --force)");
        }
    }
}
