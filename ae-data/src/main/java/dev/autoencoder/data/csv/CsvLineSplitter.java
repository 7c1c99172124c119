package dev.autoencoder.data.csv;

import java.util.List;

/**
 * Splits one CSV line into cells: separated by the delimiter, surrounding spaces trimmed, optional
 * double quotes around a cell with {@code ""} standing for a quote inside it. Quoted cells cannot
 * span lines (numeric data never needs that).
 */
public final class CsvLineSplitter {
    private final char delimiter;

    /** A splitter of lines whose cells are separated by {@code delimiter}. */
    public CsvLineSplitter(char delimiter) {
        this.delimiter = delimiter;
    }

    /**
     * Replaces the content of {@code cells} with the cells of {@code line}.
     *
     * @return null on success, or the problem (an unterminated quote, text after a closing quote)
     */
    public String split(String line, List<String> cells) {
        cells.clear();
        int pos = 0;
        int length = line.length();
        while (true) {
            pos = skipSpaces(line, pos);
            if (pos < length && line.charAt(pos) == '"') {
                StringBuilder cell = new StringBuilder();
                pos = readQuoted(line, pos + 1, cell);
                if (pos < 0) {
                    return "a quoted cell is not closed";
                }
                cells.add(cell.toString());
                pos = skipSpaces(line, pos);
                if (pos < length && line.charAt(pos) != delimiter) {
                    return "unexpected text after the closing quote of cell " + cells.size();
                }
            } else {
                int end = line.indexOf(delimiter, pos);
                int cellEnd = end < 0 ? length : end;
                cells.add(line.substring(pos, cellEnd).strip());
                pos = cellEnd;
            }
            if (pos >= length) {
                return null;
            }
            pos++;
        }
    }

    /** Reads a quoted cell starting after its opening quote; returns the position after the closing quote, or -1. */
    private static int readQuoted(String line, int start, StringBuilder cell) {
        int pos = start;
        while (pos < line.length()) {
            char c = line.charAt(pos);
            if (c == '"') {
                if (pos + 1 < line.length() && line.charAt(pos + 1) == '"') {
                    cell.append('"');
                    pos += 2;
                    continue;
                }
                return pos + 1;
            }
            cell.append(c);
            pos++;
        }
        return -1;
    }

    private int skipSpaces(String line, int pos) {
        int p = pos;
        while (p < line.length() && line.charAt(p) != delimiter && Character.isWhitespace(line.charAt(p))) {
            p++;
        }
        return p;
    }
}
