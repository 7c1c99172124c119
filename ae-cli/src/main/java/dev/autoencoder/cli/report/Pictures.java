package dev.autoencoder.cli.report;

import dev.autoencoder.data.Dataset;
import dev.autoencoder.data.Samples;
import dev.autoencoder.data.write.ImageGridWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The PNG grids a person looks at: model inputs and outputs (flat or image-shaped arrays) drawn as images of a
 * display shape, captioned with the labels of the samples they came from.
 */
public final class Pictures {
    private final int[] displayShape;
    private final ImageGridWriter writer = new ImageGridWriter();

    /** Pictures of samples drawn as images of {@code displayShape} ({@code [C, H, W]}). */
    public Pictures(int[] displayShape) {
        this.displayShape = displayShape.clone();
    }

    /** The first {@code n} samples of {@code values} as images, labelled like the first {@code n} of {@code source}. */
    public Dataset images(String name, float[] values, int n, Samples source) {
        int per = Arrays.stream(displayShape).reduce(1, (a, b) -> a * b);
        float[] first = Arrays.copyOf(values, n * per);
        int[] labels = source != null && source.hasLabels() ? Arrays.copyOf(source.labels(), n) : null;
        return new Dataset(name, first, displayShape, labels, labels == null ? List.of() : source.classNames());
    }

    /** Unlabelled images of {@code values} (every sample in it). */
    public Dataset images(String name, float[] values) {
        return Dataset.unlabeled(name, values, displayShape);
    }

    /** Images of {@code values} captioned, in order, with {@code captions} (one per image). */
    public Dataset captioned(String name, float[] values, List<String> captions) {
        return new Dataset(name, values, displayShape, IntStream.range(0, captions.size()).toArray(), captions);
    }

    /** One row per sample, one column per stage; the first column is captioned with the label. */
    public Path comparison(Path png, String title, List<String> columns, List<Dataset> stages) {
        return writer.writeComparison(png, title, columns, stages);
    }

    /** All of {@code images} in rows of {@code columns}. */
    public Path grid(Path png, String title, Dataset images, int columns) {
        return writer.writeGrid(png, images, columns, title);
    }
}
