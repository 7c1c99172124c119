package dev.autoencoder.spark.input;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.exists;
import static org.apache.spark.sql.functions.isnan;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.size;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DoubleType;
import org.apache.spark.sql.types.FloatType;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructType;

/**
 * A column of a {@code Dataset<Row>} that holds one sample per row as an array of numbers (any numeric element
 * type), row-major in the model's input shape, and the number of values a model takes from it. It checks the
 * schema and the data on the driver before a job uses them, and copies a row's values on the executors, failing
 * with a {@link BadInputException} that names the column, the problem and an example row.
 */
public final class FeatureColumn implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final int SHOWN_CHARS = 200;

    private final String name;
    private final int length;
    private final String modelShape;

    /**
     * @param name       the column
     * @param length     values per row the model takes
     * @param modelShape the model's input shape, for messages (e.g. {@code [1, 8, 8]})
     */
    public FeatureColumn(String name, int length, String modelShape) {
        if (length < 1) {
            throw new IllegalArgumentException("a feature column needs at least 1 value per row, got " + length);
        }
        this.name = name;
        this.length = length;
        this.modelShape = modelShape;
    }

    /** The column's name. */
    public String name() {
        return name;
    }

    /** Values per row. */
    public int length() {
        return length;
    }

    /** The position of the column in {@code schema}, after checking that it exists and holds arrays of numbers. */
    public int index(StructType schema) {
        if (!Arrays.asList(schema.fieldNames()).contains(name)) {
            throw new BadInputException("there is no feature column '" + name + "'; the columns are " + Arrays.toString(schema.fieldNames()));
        }
        return schema.fieldIndex(name);
    }

    /**
     * Checks that {@code data} can be read: the column exists and is an array of numbers, and no row has a null, a
     * NaN or infinite value, or another number of values than the model takes. Runs one Spark job (a filter that
     * stops at the first bad row).
     *
     * @throws BadInputException naming the column, the problem and the first bad row found
     */
    public void requireValid(Dataset<Row> data) {
        DataType type = data.schema().fields()[index(data.schema())].dataType();
        if (!(type instanceof ArrayType array) || !(array.elementType() instanceof NumericType)) {
            List<Row> first = data.limit(1).collectAsList();
            throw new BadInputException("feature column '" + name + "' has type " + type.simpleString()
                    + ", not an array of numbers" + (first.isEmpty() ? "" : "; example row: " + shown(first.get(0))));
        }
        boolean floating = array.elementType() instanceof FloatType || array.elementType() instanceof DoubleType;
        Column c = col(name);
        Column badValue = exists(c, x -> floating
                ? x.isNull().or(isnan(x)).or(x.equalTo(lit(Double.POSITIVE_INFINITY))).or(x.equalTo(lit(Double.NEGATIVE_INFINITY)))
                : x.isNull());
        List<Row> bad = SparkFailures.unwrapped(() -> data.filter(c.isNull().or(size(c).notEqual(length)).or(badValue)).limit(1)
                .collectAsList());
        if (!bad.isEmpty()) {
            Row row = bad.get(0);
            copy(row, row.fieldIndex(name), new float[length], 0);
            throw new IllegalStateException("row " + shown(row) + " failed the check of column '" + name + "' but reads as valid");
        }
    }

    /**
     * Copies the values of column {@code index} of {@code row} into {@code dst} from {@code offset}.
     *
     * @throws BadInputException when the value is null, has another length, or holds a null, NaN or infinite value
     */
    public void copy(Row row, int index, float[] dst, int offset) {
        if (row.isNullAt(index)) {
            throw bad(row, "is null");
        }
        List<Object> values = row.getList(index);
        if (values.size() != length) {
            throw bad(row, "holds " + values.size() + " values but the checkpoint's model takes samples of shape " + modelShape + " ("
                    + length + " values)");
        }
        for (int i = 0; i < length; i++) {
            Object v = values.get(i);
            if (!(v instanceof Number number)) {
                throw bad(row, "holds " + (v == null ? "null" : "the non-numeric " + v) + " at position " + i);
            }
            float f = number.floatValue();
            if (!Float.isFinite(f)) {
                throw bad(row, "holds " + f + " at position " + i + "; every value must be a finite number");
            }
            dst[offset + i] = f;
        }
    }

    private BadInputException bad(Row row, String problem) {
        return new BadInputException("feature column '" + name + "' " + problem + " in row " + shown(row));
    }

    private static String shown(Row row) {
        String s = row.toString();
        return s.length() <= SHOWN_CHARS ? s : s.substring(0, SHOWN_CHARS) + "...]";
    }
}
