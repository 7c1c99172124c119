package dev.autoencoder.data.csv;

import dev.autoencoder.data.DataFormatException;
import dev.autoencoder.data.io.DataSource;
import java.util.List;

/**
 * A column of a CSV file chosen by its header name or by its position. Positions are 0-based;
 * negative positions count from the end ({@code -1} is the last column). Error messages number
 * columns from 1, as spreadsheets and editors do.
 */
public sealed interface ColumnRef permits ColumnRef.Named, ColumnRef.Indexed {

    /** The column whose header cell is {@code name} (exact match). */
    static ColumnRef named(String name) {
        return new Named(name);
    }

    /** The column at 0-based {@code index}; negative counts from the end. */
    static ColumnRef index(int index) {
        return new Indexed(index);
    }

    /**
     * The 0-based index of this column in a file with {@code columnCount} columns.
     *
     * @param header the header cells, or {@code null} when the file has no header
     * @param line the 1-based line of the header (or first row), for error messages
     * @throws DataFormatException when there is no such column
     */
    int resolve(List<String> header, int columnCount, DataSource source, long line);

    /**
     * A column chosen by header name.
     *
     * @param name the exact header cell
     */
    record Named(String name) implements ColumnRef {
        @Override
        public int resolve(List<String> header, int columnCount, DataSource source, long line) {
            if (header == null) {
                throw source.formatError(line, "column '" + name + "' is chosen by name but the file has no header");
            }
            int index = header.indexOf(name);
            if (index < 0) {
                throw source.formatError(line, "no column named '" + name + "' in header " + header);
            }
            return index;
        }

        @Override
        public String toString() {
            return "'" + name + "'";
        }
    }

    /**
     * A column chosen by position.
     *
     * @param index 0-based position; negative counts from the end
     */
    record Indexed(int index) implements ColumnRef {
        @Override
        public int resolve(List<String> header, int columnCount, DataSource source, long line) {
            int resolved = index < 0 ? columnCount + index : index;
            if (resolved < 0 || resolved >= columnCount) {
                throw source.formatError(line, "column index " + index + " is outside a row of " + columnCount
                        + " columns");
            }
            return resolved;
        }

        @Override
        public String toString() {
            return "#" + index;
        }
    }
}
