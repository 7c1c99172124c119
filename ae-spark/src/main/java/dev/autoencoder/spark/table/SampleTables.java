package dev.autoencoder.spark.table;

import dev.autoencoder.data.Dataset;
import dev.autoencoder.data.catalog.DataRecipe;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** Any ae dataset as a Parquet table for the cluster: {@code id}, {@code features} (with its recipe) and {@code label}. */
public final class SampleTables {
    private SampleTables() {
    }

    /**
     * Writes the samples of {@code part}, {@code repeat} times (ids keep counting), as a Parquet table of {@code id}
     * (long), {@code features} (array of float, carrying {@code recipe} in its metadata) and {@code label} (int, null
     * without labels), in {@code partitions} partitions (0: Spark's default parallelism); the samples reach the
     * executors as one broadcast. Written as {@link SparkTables#writeParquet} writes.
     *
     * @return the rows written
     */
    public static long write(SparkSession spark, Dataset part, int repeat, DataRecipe recipe, int partitions, String out,
            boolean force) {
        if (repeat < 1) {
            throw new IllegalArgumentException("the samples must be written at least once, got " + repeat);
        }
        SparkTables.requireWritable(spark, out, force);
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
        JavaRDD<Row> table = spark.range(0, rows, 1, partitions > 0 ? partitions : spark.sparkContext().defaultParallelism()).javaRDD()
                .map(id -> {
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
                .add("features", DataTypes.createArrayType(DataTypes.FloatType, false), false, SparkTables.metadata(recipe))
                .add("label", DataTypes.IntegerType, true);
        try {
            SparkTables.writeParquet(spark, spark.createDataFrame(table, schema), out, force);
        } finally {
            features.destroy();
            labelled.destroy();
        }
        return rows;
    }
}
