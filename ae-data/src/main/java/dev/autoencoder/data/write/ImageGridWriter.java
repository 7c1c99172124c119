package dev.autoencoder.data.write;

import dev.autoencoder.data.DataException;
import dev.autoencoder.data.Samples;
import dev.autoencoder.data.io.AtomicFiles;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Writes image samples as a PNG grid, the picture a person looks at after training: a plain grid
 * (generated samples, a dataset preview) or a comparison with one column per stage
 * ({@code input | corrupted | output}) and one row per sample. Images are enlarged with sharp
 * pixels, captioned with their label (class name when there is one), and written atomically.
 * Works headless ({@code java.awt.headless=true}).
 */
public final class ImageGridWriter {
    private final GridStyle style;

    /** A writer with the given style. */
    public ImageGridWriter(GridStyle style) {
        this.style = style;
    }

    /** A writer with {@link GridStyle#defaults()} (values in [0, 1], automatic zoom). */
    public ImageGridWriter() {
        this(GridStyle.defaults());
    }

    /**
     * Writes all of {@code images} in rows of {@code columns}, each captioned with its label when the
     * samples are labeled.
     *
     * @return {@code png}
     * @throws DataException when the file cannot be written
     */
    public Path writeGrid(Path png, Samples images, int columns, String title) {
        if (columns < 1) {
            throw new IllegalArgumentException("a grid needs at least one column, got " + columns);
        }
        List<List<ImageGrid.Cell>> rows = new ArrayList<>();
        for (int from = 0; from < images.size(); from += columns) {
            List<ImageGrid.Cell> row = new ArrayList<>();
            for (int i = from; i < Math.min(images.size(), from + columns); i++) {
                row.add(new ImageGrid.Cell(images, i, caption(images, i)));
            }
            rows.add(row);
        }
        return write(png, new ImageGrid(title, List.of(), rows));
    }

    /**
     * Writes one row per sample and one column per stage, e.g. {@code input | corrupted | output}.
     * Every stage must hold the same number of samples, in the same order; their image sizes may
     * differ (all are drawn at the same size). The first column is captioned with the label.
     *
     * @return {@code png}
     * @throws DataException when the file cannot be written
     */
    public Path writeComparison(Path png, String title, List<String> columnTitles, List<? extends Samples> stages) {
        if (stages.isEmpty() || columnTitles.size() != stages.size()) {
            throw new IllegalArgumentException("need one title per stage, got " + columnTitles.size() + " titles for "
                    + stages.size() + " stages");
        }
        int n = stages.get(0).size();
        for (Samples stage : stages) {
            if (stage.size() != n) {
                throw new IllegalArgumentException("stage '" + stage.name() + "' has " + stage.size()
                        + " samples, the first stage " + n);
            }
        }
        List<List<ImageGrid.Cell>> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            List<ImageGrid.Cell> row = new ArrayList<>();
            for (int s = 0; s < stages.size(); s++) {
                row.add(new ImageGrid.Cell(stages.get(s), i, s == 0 ? caption(stages.get(0), i) : ""));
            }
            rows.add(row);
        }
        return write(png, new ImageGrid(title, List.copyOf(columnTitles), rows));
    }

    private Path write(Path png, ImageGrid grid) {
        if (grid.rows().isEmpty()) {
            throw new IllegalArgumentException("nothing to draw in " + png + ": no samples");
        }
        BufferedImage image = new GridRenderer(style).render(grid);
        return AtomicFiles.write(png, out -> {
            if (!ImageIO.write(image, "png", out)) {
                throw new IOException("no PNG writer available");
            }
        });
    }

    private static String caption(Samples samples, int i) {
        return samples.hasLabels() ? samples.labelName(samples.label(i)) : "";
    }
}
