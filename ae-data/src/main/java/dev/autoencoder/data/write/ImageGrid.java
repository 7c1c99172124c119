package dev.autoencoder.data.write;

import dev.autoencoder.data.Samples;
import java.util.List;

/**
 * What an image grid shows: a title, optional column titles, and rows of cells, each one image
 * sample with an optional caption. Built by {@link ImageGridWriter}, drawn by {@link GridRenderer}.
 *
 * @param title the text above the grid (may be empty)
 * @param columnTitles one title per column, or empty
 * @param rows the cells, row by row
 */
record ImageGrid(String title, List<String> columnTitles, List<List<Cell>> rows) {

    /**
     * One image of a grid.
     *
     * @param samples where the image comes from
     * @param index which sample
     * @param caption the text under it (may be empty)
     */
    record Cell(Samples samples, int index, String caption) {
    }

    /** The number of columns: the length of the longest row. */
    int columnCount() {
        return rows.stream().mapToInt(List::size).max().orElse(0);
    }

    /** Whether any cell has a caption. */
    boolean hasCaptions() {
        return rows.stream().flatMap(List::stream).anyMatch(cell -> !cell.caption().isEmpty());
    }
}
