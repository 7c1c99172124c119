package dev.autoencoder.cli.report;

import dev.autoencoder.data.Samples;
import dev.autoencoder.data.plot.LatentScatterPlot;
import java.nio.file.Path;

/**
 * The latent scatter of {@code ae embed} and {@code ae plot latent}: codes of any size drawn in 2-D, as they are when
 * they have two dimensions, on a line when one, on their first two principal axes when more.
 */
public final class LatentScatter {
    private LatentScatter() {
    }

    /**
     * Draws {@code n = labels.size()} codes of {@code dim} values (row-major) into {@code png}, coloured by the labels
     * of {@code labels}, under the title "&lt;what the axes are&gt; of {@code of}".
     *
     * @return {@code png}
     */
    public static Path write(Path png, float[] codes, int dim, Samples labels, String of) {
        int n = labels.size();
        float[] points;
        String title;
        if (dim == 1) {
            points = new float[2 * n];
            for (int i = 0; i < n; i++) {
                points[2 * i] = codes[i];
            }
            title = "1-d codes";
        } else if (dim == 2) {
            points = codes;
            title = "2-d codes";
        } else {
            points = Pca.project(codes, n, dim, 2);
            title = dim + "-d codes, first two principal components";
        }
        return new LatentScatterPlot().write(png, title + " of " + of, points, labels);
    }
}
