package dev.autoencoder.spark.table;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;

import dev.autoencoder.spark.input.BadInputException;
import java.util.Arrays;
import java.util.Collection;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.BinaryType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.NumericType;

/** A table of one column per feature (a CSV or Parquet file read by Spark SQL) as the array column ae reads. */
public final class TableColumns {
    private TableColumns() {
    }

    /**
     * {@code rows} with the array column {@code column}: its numeric columns, in order, but {@code excluded} (labels,
     * ids), as floats; {@code rows} unchanged when it has {@code column} already, or any column of arrays or bytes (it
     * holds its samples in one column, and a misspelt name must not pack its ids and labels instead).
     *
     * @throws BadInputException when there is no numeric column to pack
     */
    public static Dataset<Row> packed(Dataset<Row> rows, String column, Collection<String> excluded) {
        if (Arrays.asList(rows.columns()).contains(column) || Arrays.stream(rows.schema().fields())
                .anyMatch(f -> f.dataType() instanceof ArrayType || f.dataType() instanceof BinaryType)) {
            return rows;
        }
        Column[] numeric = Arrays.stream(rows.schema().fields())
                .filter(f -> f.dataType() instanceof NumericType && !excluded.contains(f.name()))
                .map(f -> col(f.name()).cast(DataTypes.FloatType)).toArray(Column[]::new);
        if (numeric.length == 0) {
            throw new BadInputException("there is no column '" + column + "' and no numeric column to read as features; the columns are "
                    + Arrays.toString(rows.columns()));
        }
        return rows.withColumn(column, array(numeric));
    }
}
