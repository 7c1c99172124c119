package dev.autoencoder.spark;

import dev.autoencoder.api.DType;
import dev.autoencoder.api.TensorBackend;
import dev.autoencoder.api.random.Rng;
import dev.autoencoder.backend.pure.PureBackend;
import dev.autoencoder.data.Dataset;
import dev.autoencoder.data.bundled.BundledDigits;
import dev.autoencoder.models.checkpoint.ModelCheckpoint;
import dev.autoencoder.models.checkpoint.Provenance;
import dev.autoencoder.models.factory.Models;
import dev.autoencoder.models.family.Autoencoder;
import dev.autoencoder.models.family.Family;
import dev.autoencoder.models.family.ModelSpec;
import dev.autoencoder.models.nn.Init;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** The bundled digits flattened to 64 values in [0, 1], as host samples and as a Spark table, and small models of them. */
final class DigitsFixture {
    /** Values per digit. */
    static final int FEATURES = 64;
    /** The digits as host samples. */
    static final Dataset DIGITS = flattened();

    private DigitsFixture() {
    }

    private static Dataset flattened() {
        float[] x = BundledDigits.load().features().clone();
        for (int i = 0; i < x.length; i++) {
            x[i] /= BundledDigits.MAX_PIXEL;
        }
        return Dataset.unlabeled("digits", x, FEATURES);
    }

    /** The schema of {@link #table}: {@code id} (int) and {@code features} (array of float). */
    static StructType schema() {
        return new StructType().add("id", DataTypes.IntegerType, false)
                .add("features", DataTypes.createArrayType(DataTypes.FloatType, true), true);
    }

    /**
     * The digits as a table of {@code id} and {@code features}, in {@code partitions} partitions of consecutive rows
     * (the same partitions every time it is read).
     */
    static org.apache.spark.sql.Dataset<Row> table(SparkSession spark, int partitions) {
        List<Row> rows = new ArrayList<>();
        float[] x = DIGITS.features();
        for (int i = 0; i < DIGITS.size(); i++) {
            Float[] f = new Float[FEATURES];
            for (int j = 0; j < FEATURES; j++) {
                f[j] = x[i * FEATURES + j];
            }
            rows.add(RowFactory.create(i, f));
        }
        return spark.createDataFrame(JavaSparkContext.fromSparkContext(spark.sparkContext()).parallelize(rows, partitions), schema());
    }

    /** The default model of {@code family} for {@code inputs} values, its parameters drawn from {@code seed}. */
    static Autoencoder model(Family family, int inputs, long seed, TensorBackend backend) {
        ModelSpec spec = ModelSpec.defaults(family, List.of(inputs));
        return Models.build(spec, new Init(backend, DType.F32, new Rng(seed)));
    }

    /** A checkpoint of a freshly initialised {@code family} model for {@code inputs} values, in {@code folder}. */
    static Path checkpoint(Path folder, Family family, int inputs, long seed) {
        TensorBackend backend = new PureBackend(1);
        Path file = folder.resolve(family.id() + "-" + inputs + "-" + seed + ".safetensors");
        ModelCheckpoint.save(file, model(family, inputs, seed, backend),
                new Provenance(seed, backend.name(), backend.version(), Provenance.frameworkVersion(), "digits", DIGITS.size()));
        return file;
    }
}
