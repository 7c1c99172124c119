package dev.autoencoder.data;

import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A complete in-memory dataset: {@code n} samples of one shape stored contiguously in one row-major
 * {@code float[]}, with optional integer labels and class names. This is what every loader returns
 * and what a trainer turns into tensors of shape {@code [n, sampleShape...]}.
 *
 * <p>The feature array is shared, not copied: {@link #data()} returns it so that a trainer can hand
 * it to a backend without an extra copy, and views and reshapes reuse it. Treat it as read-only;
 * transforms always write a new dataset.
 */
public final class Dataset implements Samples {
    private final String name;
    private final float[] data;
    private final int[] sampleShape;
    private final int sampleSize;
    private final int size;
    private final int[] labels;
    private final List<String> classNames;

    /**
     * A dataset over {@code data}, which must hold a whole number of samples of {@code sampleShape}.
     * The arrays are kept, not copied.
     *
     * @param labels one label per sample, or {@code null} for an unlabeled dataset
     * @param classNames names indexed by label, or empty when labels are plain numbers; when present,
     *     every label must be a valid index into it
     * @throws IllegalArgumentException when the lengths, shape or labels do not agree
     */
    public Dataset(String name, float[] data, int[] sampleShape, int[] labels, List<String> classNames) {
        this.name = Objects.requireNonNull(name, "name");
        this.data = Objects.requireNonNull(data, "data");
        this.sampleShape = checkedShape(sampleShape);
        this.sampleSize = SampleShapes.size(this.sampleShape);
        if (data.length % sampleSize != 0) {
            throw new IllegalArgumentException("dataset '" + name + "': " + data.length
                    + " values are not a whole number of samples of shape " + Arrays.toString(sampleShape));
        }
        this.size = data.length / sampleSize;
        this.classNames = List.copyOf(classNames);
        this.labels = labels == null ? null : checkedLabels(labels);
    }

    /** An unlabeled dataset of samples of the given shape. */
    public static Dataset unlabeled(String name, float[] data, int... sampleShape) {
        return new Dataset(name, data, sampleShape, null, List.of());
    }

    /** A labeled dataset whose labels are plain numbers (no class names). */
    public static Dataset labeled(String name, float[] data, int[] sampleShape, int[] labels) {
        return new Dataset(name, data, sampleShape, Objects.requireNonNull(labels, "labels"), List.of());
    }

    /** The backing feature array, row-major, length {@code size() * sampleSize()}: shared, not copied. */
    public float[] data() {
        return data;
    }

    /** The same samples and labels under another name (shares the data). */
    public Dataset withName(String newName) {
        return new Dataset(newName, data, sampleShape, labels, classNames);
    }

    /**
     * The same data seen with another sample shape of the same size, e.g. {@code {64}} as
     * {@code {1, 8, 8}} (shares the data).
     */
    public Dataset reshape(int... newSampleShape) {
        if (SampleShapes.size(checkedShape(newSampleShape)) != sampleSize) {
            throw new IllegalArgumentException("cannot reshape samples of " + Arrays.toString(sampleShape)
                    + " to " + Arrays.toString(newSampleShape));
        }
        return new Dataset(name, data, newSampleShape, labels, classNames);
    }

    /**
     * A dataset with the same name, labels and class names but new features (used by transforms
     * that change values or shapes); {@code newData} must hold exactly {@link #size()} samples.
     */
    public Dataset withFeatures(float[] newData, int[] newSampleShape) {
        Dataset result = new Dataset(name, newData, newSampleShape, labels, classNames);
        if (result.size != size) {
            throw new IllegalArgumentException("dataset '" + name + "' has " + size + " samples but the new data holds "
                    + result.size);
        }
        return result;
    }

    /** A view of every sample, in order (shares the data). */
    public DatasetView all() {
        return new DatasetView(this, null, 0, size);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public int[] sampleShape() {
        return sampleShape.clone();
    }

    @Override
    public int sampleSize() {
        return sampleSize;
    }

    @Override
    public boolean hasLabels() {
        return labels != null;
    }

    @Override
    public int label(int i) {
        requireLabels();
        return labels[i];
    }

    @Override
    public List<String> classNames() {
        return classNames;
    }

    @Override
    public int sourceIndex(int i) {
        Objects.checkIndex(i, size);
        return i;
    }

    @Override
    public void copySample(int i, float[] dst, int dstOffset) {
        Objects.checkIndex(i, size);
        System.arraycopy(data, i * sampleSize, dst, dstOffset, sampleSize);
    }

    @Override
    public float[] features() {
        return data.clone();
    }

    @Override
    public FloatBuffer featureBuffer() {
        return FloatBuffer.wrap(data).asReadOnlyBuffer();
    }

    @Override
    public DatasetView select(int[] positions) {
        return all().select(positions);
    }

    @Override
    public DatasetView slice(int from, int to) {
        return all().slice(from, to);
    }

    @Override
    public Dataset toDataset() {
        return this;
    }

    @Override
    public String toString() {
        return "Dataset[" + name + ", n=" + size + ", sampleShape=" + Arrays.toString(sampleShape)
                + (labels == null ? ", unlabeled" : ", labeled") + "]";
    }

    private int[] checkedLabels(int[] candidate) {
        if (candidate.length != size) {
            throw new IllegalArgumentException("dataset '" + name + "' has " + size + " samples but "
                    + candidate.length + " labels");
        }
        for (int i = 0; i < candidate.length; i++) {
            int label = candidate[i];
            if (label < 0 || (!classNames.isEmpty() && label >= classNames.size())) {
                throw new IllegalArgumentException("dataset '" + name + "': label " + label + " of sample " + i
                        + " is outside [0, " + (classNames.isEmpty() ? "inf" : classNames.size()) + ")");
            }
        }
        return candidate;
    }

    private static int[] checkedShape(int[] shape) {
        Objects.requireNonNull(shape, "sampleShape");
        if (shape.length == 0) {
            throw new IllegalArgumentException("a sample shape needs at least one dimension");
        }
        for (int d : shape) {
            if (d <= 0) {
                throw new IllegalArgumentException("sample shape " + Arrays.toString(shape)
                        + " has a non-positive dimension");
            }
        }
        SampleShapes.size(shape);
        return shape.clone();
    }
}
