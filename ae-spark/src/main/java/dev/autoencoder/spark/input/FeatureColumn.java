package dev.autoencoder.spark.input;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.exists;
import static org.apache.spark.sql.functions.isnan;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.size;

import dev.autoencoder.data.image.ColorMode;
import dev.autoencoder.data.image.ImageBytes;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.BinaryType;
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
    private final int[] shape;
    private final int length;
    private final String modelShape;

    /**
     * @param name       the column
     * @param inputShape the model's input shape
     */
    public FeatureColumn(String name, List<Integer> inputShape) {
        this.name = name;
        this.shape = inputShape.stream().mapToInt(Integer::intValue).toArray();
        this.length = Arrays.stream(shape).reduce(1, Math::multiplyExact);
        this.modelShape = inputShape.toString();
        if (length < 1) {
            throw new IllegalArgumentException("a feature column needs at least 1 value per row, got " + length);
        }
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
        if (type instanceof BinaryType) {
            requireImages(data);
            return;
        }
        if (!(type instanceof ArrayType array) || !(array.elementType() instanceof NumericType)) {
            List<Row> first = data.limit(1).collectAsList();
            throw new BadInputException("feature column '" + name + "' has type " + type.simpleString()
                    + ", not an array of numbers or image bytes" + (first.isEmpty() ? "" : "; example row: " + shown(first.get(0))));
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
        if (row.get(index) instanceof byte[] encoded) {
            try {
                ImageBytes.decode(encoded, shape[0] == 1 ? ColorMode.GRAYSCALE : ColorMode.RGB, shape[1], shape[2], dst, offset);
            } catch (IllegalArgumentException e) {
                throw bad(row, e.getMessage());
            }
            return;
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

    /**
     * Image bytes fit models of images, {@code [1 or 3, height, width]}; one Spark job decodes every image and stops at
     * the first that is null or no image, before any other job reads the column.
     */
    private void requireImages(Dataset<Row> data) {
        if (shape.length != 3 || (shape[0] != 1 && shape[0] != 3)) {
            throw new BadInputException("feature column '" + name + "' holds image bytes but the checkpoint's model takes samples of shape "
                    + modelShape + ", not images [1 or 3, height, width]");
        }
        int index = index(data.schema());
        SparkFailures.unwrapped(() -> data.javaRDD().filter(row -> {
            copy(row, index, new float[length], 0);
            return false;
        }).count());
    }

    private BadInputException bad(Row row, String problem) {
        return new BadInputException("feature column '" + name + "' " + problem + " in row " + shown(row));
    }

    private static String shown(Row row) {
        String s = row.toString();
        return s.length() <= SHOWN_CHARS ? s : s.substring(0, SHOWN_CHARS) + "...]";
    }
}
