package dev.autoencoder.cli.report;

import dev.autoencoder.models.family.ModelSpec;
import dev.autoencoder.models.inference.Inference;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * What a VAE's prior looks like: samples decoded from random codes, and for a 2-D latent space a traversal, the
 * decoded images of a regular grid of codes (z0 left to right, z1 bottom to top).
 *
 * @param inference batched decoding with a model that has a prior
 * @param pictures  how its samples are drawn
 */
public record PriorPictures(Inference inference, Pictures pictures) {
    /** Images per side of a traversal, unless asked otherwise. */
    public static final int DEFAULT_GRID = 12;
    /** A traversal spans {@code [-range, range]} in prior standard deviations, unless asked otherwise. */
    public static final double DEFAULT_RANGE = 2.5;

    /**
     * {@code count} samples from the prior, drawn from {@code seed}, in rows of {@code columns}; a conditional model's
     * {@code columns} samples of each class, one row per class.
     */
    public Path samples(Path png, int count, int columns, long seed) {
        if (spec().classes() > 0) {
            return classRows(png, columns, seed);
        }
        float[] drawn = inference.sample(count, seed);
        return pictures.grid(png, count + " samples of " + spec().family().id(), pictures.images("samples", drawn), columns);
    }

    /** {@code count} samples of class {@code label} of a conditional model, drawn from {@code seed}, in rows of {@code columns}. */
    public Path samples(Path png, int count, int columns, long seed, int label) {
        int[] labels = new int[count];
        Arrays.fill(labels, label);
        return pictures.grid(png, count + " samples of class " + label + " of " + spec().family().id(),
                pictures.images("samples", inference.sample(labels, seed)), columns);
    }

    private Path classRows(Path png, int columns, long seed) {
        int[] labels = IntStream.range(0, spec().classes() * columns).map(i -> i / columns).toArray();
        return pictures.grid(png, "samples of " + spec().family().id() + ", one row per class 0 to " + (spec().classes() - 1),
                pictures.images("samples", inference.sample(labels, seed)), columns);
    }

    /** The decoded {@code grid x grid} codes evenly spaced over {@code [-range, range]^2}; the latent space must be 2-D. */
    public Path traversal(Path png, int grid, double range) {
        String title = String.format(Locale.ROOT, "latent space of %s, z in [-%.2g, %.2g]^2", spec().family().id(), range, range);
        return pictures.grid(png, title, pictures.images("traversal", inference.traversal(grid, range)), grid);
    }

    /** A conditional model's {@link #traversal(Path, int, double)} under class {@code label}. */
    public Path traversal(Path png, int grid, double range, int label) {
        String title = String.format(Locale.ROOT, "latent space of %s, class %d, z in [-%.2g, %.2g]^2", spec().family().id(), label,
                range, range);
        return pictures.grid(png, title, pictures.images("traversal", inference.traversal(grid, range, label)), grid);
    }

    private ModelSpec spec() {
        return inference.model().spec();
    }
}
