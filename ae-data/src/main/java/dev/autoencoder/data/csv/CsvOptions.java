package dev.autoencoder.data.csv;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How to read a numeric CSV file. Start from {@link #defaults()} and change what differs.
 *
 * @param delimiter the cell separator ({@code ','} by default; {@code ';'} or {@code '\t'} are common)
 * @param header whether the first line is a header
 * @param labelColumn the column holding the class of each row, if any; its values may be
 *     non-negative integers (kept as labels) or names (mapped to labels in sorted order)
 * @param featureColumns the columns to read as features, in this order; empty means every column
 *     but the label column
 * @param badRows what to do with a malformed row
 */
public record CsvOptions(char delimiter, HeaderMode header, Optional<ColumnRef> labelColumn,
        List<ColumnRef> featureColumns, BadRowPolicy badRows) {

    /** Checks the components and copies the column list. */
    public CsvOptions {
        if (delimiter == '"' || delimiter == '\n' || delimiter == '\r') {
            throw new IllegalArgumentException("a CSV delimiter cannot be a quote or a line break");
        }
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(labelColumn, "labelColumn");
        featureColumns = List.copyOf(featureColumns);
        Objects.requireNonNull(badRows, "badRows");
    }

    /** Comma-separated, header detected, no label, every column a feature, bad rows fail. */
    public static CsvOptions defaults() {
        return new CsvOptions(',', HeaderMode.AUTO, Optional.empty(), List.of(), BadRowPolicy.FAIL);
    }

    /** These options with another delimiter. */
    public CsvOptions withDelimiter(char newDelimiter) {
        return new CsvOptions(newDelimiter, header, labelColumn, featureColumns, badRows);
    }

    /** These options with another header mode. */
    public CsvOptions withHeader(HeaderMode newHeader) {
        return new CsvOptions(delimiter, newHeader, labelColumn, featureColumns, badRows);
    }

    /** These options with {@code column} as the label column. */
    public CsvOptions withLabelColumn(ColumnRef column) {
        return new CsvOptions(delimiter, header, Optional.of(column), featureColumns, badRows);
    }

    /** These options reading only {@code columns} as features, in this order. */
    public CsvOptions withFeatureColumns(ColumnRef... columns) {
        return new CsvOptions(delimiter, header, labelColumn, List.of(columns), badRows);
    }

    /** These options with another policy for malformed rows. */
    public CsvOptions withBadRows(BadRowPolicy policy) {
        return new CsvOptions(delimiter, header, labelColumn, featureColumns, policy);
    }

    /** Whether any chosen column is named, which requires a header. */
    boolean choosesColumnsByName() {
        return labelColumn.filter(ColumnRef.Named.class::isInstance).isPresent()
                || featureColumns.stream().anyMatch(ColumnRef.Named.class::isInstance);
    }
}
