package dev.autoencoder.data.idx;

import dev.autoencoder.data.DataFormatException;
import dev.autoencoder.data.Dataset;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns an IDX images file and its IDX labels file into a {@link Dataset}. Headers are checked
 * first, so a label count that does not match the image count fails before any data is loaded.
 * Pixel values are kept as stored (0..255 for MNIST-like files); scale them with a transform.
 *
 * <p>Sample shapes: an images file of dimensions {@code [n, H, W]} gives samples of shape
 * {@code {1, H, W}} (one channel); {@code [n, F]} gives {@code {F}}; {@code [n]} gives {@code {1}};
 * higher ranks keep the stored layout {@code dims[1..]}.
 */
public final class IdxDatasetLoader {
    private static final Logger LOG = LoggerFactory.getLogger(IdxDatasetLoader.class);

    private final IdxReader reader = new IdxReader();

    /**
     * Loads paired images and labels.
     *
     * @param classNames names indexed by label, or empty when labels are plain numbers; when given,
     *     every label must be below its size
     * @throws DataFormatException when either file is malformed or they do not pair up
     */
    public Dataset load(Path images, Path labels, String name, List<String> classNames) {
        long start = System.nanoTime();
        IdxHeader imageHeader = reader.readHeader(images);
        IdxHeader labelHeader = reader.readHeader(labels);
        checkPairing(images, imageHeader, labels, labelHeader);
        int[] labelValues = reader.readInts(labels).values();
        checkLabelRange(labels, labelValues, classNames.size());
        IdxArray imageData = reader.readFloats(images);
        Dataset dataset = new Dataset(name, imageData.values(), sampleShape(imageData.header()), labelValues,
                classNames);
        LOG.info("loaded {} from {} and {} in {} ms", dataset, images, labels, (System.nanoTime() - start) / 1_000_000);
        return dataset;
    }

    /** Loads an images file with no labels. */
    public Dataset loadUnlabeled(Path images, String name) {
        IdxArray imageData = reader.readFloats(images);
        Dataset dataset = Dataset.unlabeled(name, imageData.values(), sampleShape(imageData.header()));
        LOG.info("loaded {} from {}", dataset, images);
        return dataset;
    }

    /** The sample shape for an images file with header {@code header} (see the class comment). */
    static int[] sampleShape(IdxHeader header) {
        int[] dims = header.dims();
        return switch (dims.length) {
            case 1 -> new int[] {1};
            case 3 -> new int[] {1, dims[1], dims[2]};
            default -> Arrays.copyOfRange(dims, 1, dims.length);
        };
    }

    private static void checkPairing(Path images, IdxHeader imageHeader, Path labels, IdxHeader labelHeader) {
        if (labelHeader.rank() != 1) {
            throw new DataFormatException(labels, "is not a label file: expected one dimension, found "
                    + Arrays.toString(labelHeader.dims()));
        }
        if (!labelHeader.type().isIntegral()) {
            throw new DataFormatException(labels, "is not a label file: it holds " + labelHeader.type()
                    + " values where integers are expected");
        }
        if (labelHeader.count() != imageHeader.count()) {
            throw new DataFormatException(labels, "has " + labelHeader.count() + " labels but " + images + " has "
                    + imageHeader.count() + " images");
        }
    }

    private static void checkLabelRange(Path labels, int[] values, int classCount) {
        for (int i = 0; i < values.length; i++) {
            if (values[i] < 0 || (classCount > 0 && values[i] >= classCount)) {
                throw new DataFormatException(labels, "label " + values[i] + " of item " + i + " is outside [0, "
                        + (classCount > 0 ? Integer.toString(classCount) : "inf") + ")");
            }
        }
    }
}
