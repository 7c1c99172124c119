package dev.autoencoder.data;

import java.nio.FloatBuffer;
import java.util.List;
import java.util.Objects;

/**
 * Some samples of a {@link Dataset}, in a chosen order, without copying any features: a split, a
 * shuffled epoch or a batch. A view holds only indices into the dataset, so making one costs at most
 * four bytes per sample; views of views compose their indices.
 */
public final class DatasetView implements Samples {
    private final Dataset source;
    private final int[] indices;
    private final int from;
    private final int size;

    /**
     * A view of {@code source} whose position {@code i} maps to {@code indices[from + i]}, or to
     * {@code from + i} when {@code indices} is null (a contiguous range).
     */
    DatasetView(Dataset source, int[] indices, int from, int size) {
        this.source = source;
        this.indices = indices;
        this.from = from;
        this.size = size;
    }

    /** The dataset whose features this view shares. */
    public Dataset source() {
        return source;
    }

    @Override
    public String name() {
        return source.name();
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public int[] sampleShape() {
        return source.sampleShape();
    }

    @Override
    public int sampleSize() {
        return source.sampleSize();
    }

    @Override
    public boolean hasLabels() {
        return source.hasLabels();
    }

    @Override
    public int label(int i) {
        return source.label(sourceIndex(i));
    }

    @Override
    public List<String> classNames() {
        return source.classNames();
    }

    @Override
    public int sourceIndex(int i) {
        Objects.checkIndex(i, size);
        return indices == null ? from + i : indices[from + i];
    }

    @Override
    public void copySample(int i, float[] dst, int dstOffset) {
        source.copySample(sourceIndex(i), dst, dstOffset);
    }

    @Override
    public FloatBuffer featureBuffer() {
        if (isContiguous()) {
            int sampleSize = sampleSize();
            int start = size == 0 ? 0 : sourceIndex(0) * sampleSize;
            return FloatBuffer.wrap(source.data(), start, size * sampleSize).slice().asReadOnlyBuffer();
        }
        return FloatBuffer.wrap(features()).asReadOnlyBuffer();
    }

    @Override
    public DatasetView select(int[] positions) {
        int[] composed = new int[positions.length];
        for (int k = 0; k < positions.length; k++) {
            composed[k] = sourceIndex(positions[k]);
        }
        return new DatasetView(source, composed, 0, composed.length);
    }

    @Override
    public DatasetView slice(int fromPosition, int toPosition) {
        Objects.checkFromToIndex(fromPosition, toPosition, size);
        return new DatasetView(source, indices, from + fromPosition, toPosition - fromPosition);
    }

    @Override
    public Dataset toDataset() {
        return new Dataset(name(), features(), sampleShape(), hasLabels() ? labels() : null, classNames());
    }

    /** Whether the selected samples are consecutive, ascending samples of the dataset. */
    public boolean isContiguous() {
        if (indices == null) {
            return true;
        }
        for (int k = 1; k < size; k++) {
            if (indices[from + k] != indices[from + k - 1] + 1) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return "DatasetView[" + source.name() + ", n=" + size + " of " + source.size() + "]";
    }
}
