package dev.autoencoder.spark.score;

import java.util.Arrays;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** The columns scoring adds to each row, and the schema of the scored rows. */
public final class ScoreColumns {
    /** The anomaly score (double), higher meaning more anomalous. */
    public static final String SCORE = "score";
    /** Whether the score is above the threshold (boolean; null when scored without one). */
    public static final String ANOMALY = "anomaly";
    /** The model's code of the row (array of float; a VAE's posterior mean). */
    public static final String EMBEDDING = "embedding";
    /** The squared reconstruction error of each feature (array of float), when asked for. */
    public static final String ERRORS = "reconstruction_error";

    private ScoreColumns() {
    }

    /**
     * {@code input} followed by the score, the flag, the embedding and, when {@code errors}, the per-feature errors.
     *
     * @throws IllegalArgumentException when {@code input} already has a column of one of these names
     */
    public static StructType scored(StructType input, boolean errors) {
        for (String name : errors ? new String[] {SCORE, ANOMALY, EMBEDDING, ERRORS} : new String[] {SCORE, ANOMALY, EMBEDDING}) {
            if (Arrays.asList(input.fieldNames()).contains(name)) {
                throw new IllegalArgumentException("the data already has a column '" + name + "', which scoring adds; rename it first");
            }
        }
        StructType out = input.add(new StructField(SCORE, DataTypes.DoubleType, false, org.apache.spark.sql.types.Metadata.empty()))
                .add(ANOMALY, DataTypes.BooleanType, true)
                .add(EMBEDDING, DataTypes.createArrayType(DataTypes.FloatType, false), false);
        return errors ? out.add(ERRORS, DataTypes.createArrayType(DataTypes.FloatType, false), false) : out;
    }
}
