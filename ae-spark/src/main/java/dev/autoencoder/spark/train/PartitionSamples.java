package dev.autoencoder.spark.train;

import dev.autoencoder.data.io.Sha256;
import dev.autoencoder.spark.input.FeatureColumn;
import java.io.Serializable;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The training samples of one partition, packed row-major into one array so that a step reads its share without
 * touching Spark rows again; an RDD of these (one per partition) is what distributed training caches.
 *
 * @param partition the partition's index
 * @param features  {@code rows x length} values
 * @param length    values per sample
 */
public record PartitionSamples(int partition, float[] features, int length) implements Serializable {
    /** Samples held. */
    public int rows() {
        return features.length / length;
    }

    /**
     * What identifies a partition's samples.
     *
     * @param rows   its samples
     * @param sha256 the SHA-256 of its values as little-endian floats
     */
    public record Digest(int rows, String sha256) implements Serializable {
    }

    /** The digest of this partition's samples. */
    public Digest digest() {
        MessageDigest digest = Sha256.newDigest();
        Sha256.updateFloats(digest, features);
        return new Digest(rows(), Sha256.hex(digest));
    }

    /** The samples at {@code positions}, row-major. */
    public float[] select(int[] positions) {
        float[] out = new float[positions.length * length];
        for (int i = 0; i < positions.length; i++) {
            System.arraycopy(features, positions[i] * length, out, i * length, length);
        }
        return out;
    }

    /**
     * One {@code PartitionSamples} per partition of {@code data}, read through {@code column} (after its check of the
     * whole column), in the partitions' order. Not cached: the caller persists it.
     */
    public static JavaRDD<PartitionSamples> of(Dataset<Row> data, FeatureColumn column) {
        column.requireValid(data);
        int index = column.index(data.schema());
        return data.javaRDD().mapPartitionsWithIndex((partition, rows) -> List.of(packed(partition, rows, column, index)).iterator(), true);
    }

    private static PartitionSamples packed(int partition, Iterator<Row> rows, FeatureColumn column, int index) {
        float[] features = new float[1024 * column.length()];
        int n = 0;
        while (rows.hasNext()) {
            if ((n + 1) * column.length() > features.length) {
                features = Arrays.copyOf(features, Math.multiplyExact(features.length, 2));
            }
            column.copy(rows.next(), index, features, n * column.length());
            n++;
        }
        return new PartitionSamples(partition, Arrays.copyOf(features, n * column.length()), column.length());
    }
}
