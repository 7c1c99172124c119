package dev.autoencoder.data;

import java.nio.FloatBuffer;
import java.util.List;

/**
 * A read-only, ordered collection of equally shaped samples with optional integer labels: either a
 * whole {@link Dataset} or a {@link DatasetView} of some of its samples. Loaders, transforms,
 * batching and writers all accept this type, so a split or a batch never has to be copied before
 * use. Features are {@code float}s in row-major order; one sample holds {@link #sampleSize()} of
 * them.
 */
public interface Samples {

    /** A short human-readable name (for logs, plot titles and file names). */
    String name();

    /** Number of samples. */
    int size();

    /** The shape of one sample, e.g. {@code {1, 28, 28}} for an image or {@code {64}} for a row (a copy). */
    int[] sampleShape();

    /** Number of features in one sample: the product of {@link #sampleShape()}. */
    int sampleSize();

    /** Whether every sample carries a label. */
    boolean hasLabels();

    /**
     * The label of sample {@code i}.
     *
     * @throws IllegalStateException when the samples are unlabeled
     */
    int label(int i);

    /**
     * The class names indexed by label, or an empty list when labels are plain numbers (as in
     * MNIST, where label 3 is the digit 3).
     */
    List<String> classNames();

    /**
     * The index of sample {@code i} in the underlying {@link Dataset}: {@code i} itself for a
     * dataset, the original position for a view. Used as the stable id in written results.
     */
    int sourceIndex(int i);

    /** Copies the features of sample {@code i} into {@code dst} starting at {@code dstOffset}. */
    void copySample(int i, float[] dst, int dstOffset);

    /**
     * The features of samples {@code [0, size())} as one read-only buffer in row-major order. It
     * shares the dataset's array (no copy) when the samples are contiguous in it, as for a whole
     * dataset, an unshuffled split or a batch of one; otherwise the samples are gathered into a new
     * array first.
     */
    FloatBuffer featureBuffer();

    /** A view of the samples at {@code positions} (indices into this collection), sharing the data. */
    DatasetView select(int[] positions);

    /** A view of the samples {@code [from, to)}, sharing the data. */
    DatasetView slice(int from, int to);

    /**
     * These samples as a stand-alone dataset: the dataset itself, or for a view a new dataset holding
     * a copy of the selected samples.
     */
    Dataset toDataset();

    /** All labels in sample order (a new array). @throws IllegalStateException when unlabeled */
    default int[] labels() {
        requireLabels();
        int[] out = new int[size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = label(i);
        }
        return out;
    }

    /**
     * The features of all samples gathered into a new row-major array of length
     * {@code size() * sampleSize()}, ready to be turned into a tensor of shape
     * {@code [size(), sampleShape()...]}.
     */
    default float[] features() {
        int sampleSize = sampleSize();
        float[] out = new float[Math.multiplyExact(size(), sampleSize)];
        for (int i = 0; i < size(); i++) {
            copySample(i, out, i * sampleSize);
        }
        return out;
    }

    /** The display name of a label: its class name when there are class names, else the number. */
    default String labelName(int label) {
        List<String> names = classNames();
        return label >= 0 && label < names.size() ? names.get(label) : Integer.toString(label);
    }

    /** Throws {@link IllegalStateException} naming these samples when they carry no labels. */
    default void requireLabels() {
        if (!hasLabels()) {
            throw new IllegalStateException("samples '" + name() + "' have no labels");
        }
    }
}
