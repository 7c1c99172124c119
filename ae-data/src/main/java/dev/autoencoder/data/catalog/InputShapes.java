package dev.autoencoder.data.catalog;

import dev.autoencoder.data.Dataset;
import dev.autoencoder.data.ImageShape;
import dev.autoencoder.data.series.WindowLayout;
import dev.autoencoder.data.transform.Padding;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Fits samples to a model's input: the same values seen flat ({@code [784]}) or as images ({@code [1, 28, 28]}),
 * images padded with zeros by a few pixels to the model's size ({@code 28x28} to {@code 32x32}, as the
 * convolutional workloads do), or windows of a series in the layout a model of windows takes. Anything else is
 * refused with a message naming both shapes.
 */
public final class InputShapes {
    /** Convolutional defaults halve the side at least twice, so sides are made multiples of this. */
    private static final int CONV_MULTIPLE = 4;
    /** The most pixels a side grows by padding (28 to 32 is 4): more would be another kind of data. */
    private static final int MAX_PADDING = 4;

    private InputShapes() {
    }

    /** One sample's shape for a new flat (MLP) model: every value as one feature. */
    public static List<Integer> flat(int[] sampleShape) {
        return List.of(Arrays.stream(sampleShape).reduce(1, (a, b) -> a * b));
    }

    /**
     * One sample's shape for a new convolutional model: the images padded to a square whose side is a multiple of
     * {@value #CONV_MULTIPLE}.
     *
     * @throws IllegalArgumentException when the samples are not images
     */
    public static List<Integer> convolutional(int[] sampleShape, String dataName) {
        if (sampleShape.length != 3) {
            throw new IllegalArgumentException("convolutional models need images, but '" + dataName + "' has samples of shape "
                    + Arrays.toString(sampleShape) + "; choose an MLP model (ae, vae, ...)");
        }
        int side = Math.max(sampleShape[1], sampleShape[2]);
        side = (side + CONV_MULTIPLE - 1) / CONV_MULTIPLE * CONV_MULTIPLE;
        return List.of(sampleShape[0], side, side);
    }

    /**
     * One sample's shape for a new model of windows laid out as {@code layout}, from windows of shape
     * {@code [channels, steps]} (as {@link dev.autoencoder.data.series.SlidingWindows} makes them).
     *
     * @param family names the model in the error message
     * @throws IllegalArgumentException when the samples are not windows of a series
     */
    public static List<Integer> window(int[] sampleShape, WindowLayout layout, String family) {
        if (sampleShape.length != 2) {
            throw new IllegalArgumentException(family + " needs windows of a series (a CSV file read with --window), but the samples "
                    + "have shape " + Arrays.toString(sampleShape));
        }
        return Arrays.stream(layout.shape(sampleShape[1], sampleShape[0])).boxed().toList();
    }

    /**
     * {@code data} for a model with input {@code modelShape} that takes windows laid out as {@code layout}, when it
     * takes windows: windows of a series ({@code [channels, steps]}, of any length: the model decides which lengths it
     * takes) in the model's layout, with the model's channels; other samples as {@link #fit(Dataset, List, String)}.
     *
     * @throws IllegalArgumentException when windows have other channels than the model
     */
    public static Dataset fit(Dataset data, List<Integer> modelShape, Optional<WindowLayout> layout, String model) {
        if (layout.isEmpty() || data.sampleShape().length != 2) {
            return fit(data, modelShape, model);
        }
        Dataset arranged = layout.get().arrange(data);
        int[] target = modelShape.stream().mapToInt(Integer::intValue).toArray();
        int channels = layout.get().channels(arranged.sampleShape());
        if (target.length != 2 || layout.get().channels(target) != channels) {
            throw new IllegalArgumentException(model + " takes windows of shape " + modelShape + " but the windows of '" + data.name()
                    + "' have " + channels + (channels == 1 ? " channel" : " channels"));
        }
        return arranged;
    }

    /**
     * {@code data} with samples of {@code modelShape}: reshaped when the sizes agree, padded (centred) when the model
     * takes larger images with the same channels.
     *
     * @param model names the model in the error message (a checkpoint file or a preset)
     * @throws IllegalArgumentException when the samples do not fit
     */
    public static Dataset fit(Dataset data, List<Integer> modelShape, String model) {
        int[] target = modelShape.stream().mapToInt(Integer::intValue).toArray();
        int[] shape = data.sampleShape();
        if (Arrays.equals(shape, target)) {
            return data;
        }
        if (Arrays.stream(target).reduce(1, (a, b) -> a * b) == data.sampleSize()) {
            return data.reshape(target);
        }
        if (target.length == 3 && shape.length == 3 && shape[0] == target[0] && fitsWithPadding(shape[1], target[1])
                && fitsWithPadding(shape[2], target[2])) {
            int top = (target[1] - shape[1]) / 2;
            int left = (target[2] - shape[2]) / 2;
            return new Padding(top, target[1] - shape[1] - top, left, target[2] - shape[2] - left, 0f).apply(data);
        }
        throw new IllegalArgumentException(model + " takes samples of shape " + modelShape + " but data '" + data.name()
                + "' has samples of shape " + Arrays.toString(shape));
    }

    private static boolean fitsWithPadding(int side, int target) {
        return side <= target && target - side <= MAX_PADDING;
    }

    /**
     * How samples of {@code modelShape} are drawn: as they are when they are images, else as images of
     * {@code imageShape} (the data's) when the sizes agree; empty when they are not images.
     */
    public static Optional<int[]> displayShape(List<Integer> modelShape, Optional<int[]> imageShape) {
        if (modelShape.size() == 3) {
            return Optional.of(modelShape.stream().mapToInt(Integer::intValue).toArray());
        }
        return imageShape.filter(s -> s.length == 3 && ImageShape.of(s).size() == modelShape.get(0)).map(int[]::clone);
    }
}
