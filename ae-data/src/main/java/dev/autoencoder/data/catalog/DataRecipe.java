package dev.autoencoder.data.catalog;

import dev.autoencoder.data.DataFormatException;
import dev.autoencoder.data.io.AtomicFiles;
import dev.autoencoder.data.io.JsonValues;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * How a model's training data was made, saved beside its checkpoints as {@value #FILE_NAME}: later work on the
 * model takes the same data by default, scales new data the same way, draws flat samples as the images they were,
 * and knows the normal class of a one-class model and the degradation a restoring model learnt.
 *
 * @param data        the data request of the training run
 * @param scaling     how raw values were scaled to [0, 1]
 * @param imageShape  one sample's image shape {@code [C, H, W]} before any flattening, or null for non-images
 * @param normalClass the only class trained on (one-class anomaly detection), or null
 * @param task        what the model was trained to do
 * @param factor      the super-resolution factor of {@link Task#SUPER_RESOLVE}
 * @param patch       the inpainting patch side of {@link Task#INPAINT}
 */
public record DataRecipe(DataRequest data, Scaling scaling, int[] imageShape, Integer normalClass, Task task, int factor,
        int patch) {
    /** The file name in a run folder. */
    public static final String FILE_NAME = "data.json";
    /** The super-resolution factor where neither the user nor a model gives one. */
    public static final int DEFAULT_FACTOR = 2;

    public DataRecipe {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(scaling, "scaling");
        imageShape = imageShape == null ? null : imageShape.clone();
        task = task == null ? Task.RECONSTRUCT : task;
    }

    /**
     * The recipe of {@code loaded}, read as {@code request} asks: images keep their shape, and the factor and the patch
     * side are the defaults unless given ({@link #DEFAULT_FACTOR}, {@link #defaultPatch}).
     *
     * @param normalClass the only class trained on, or null
     */
    public static DataRecipe of(DataRequest request, LoadedData loaded, Integer normalClass, Task task, Optional<Integer> factor,
            Optional<Integer> patch) {
        int[] image = loaded.images() ? loaded.train().sampleShape() : null;
        return new DataRecipe(request, loaded.scaling(), image, normalClass, task, factor.orElse(DEFAULT_FACTOR),
                patch.orElseGet(() -> defaultPatch(image == null ? 3 : image[1])));
    }

    /** The default inpainting patch side for images {@code height} pixels high: a third of it, rounded up. */
    public static int defaultPatch(int height) {
        return (height + 2) / 3;
    }

    @Override
    public int[] imageShape() {
        return imageShape == null ? null : imageShape.clone();
    }

    /** The image shape, when the samples are images. */
    public Optional<int[]> images() {
        return Optional.ofNullable(imageShape());
    }

    /** The degradation the model was trained to undo, if any. */
    public Optional<Degradation> degradation() {
        return task.degradation(factor, patch);
    }

    /** Writes this recipe into {@code folder}, atomically. */
    public void write(Path folder) {
        AtomicFiles.write(folder.resolve(FILE_NAME), out -> out.write(JsonValues.writePretty(this)));
    }

    /** This recipe as compact JSON (as checkpoints carry it). */
    public String toJson() {
        return JsonValues.write(this);
    }

    /**
     * The recipe written by {@link #toJson()}.
     *
     * @throws IllegalArgumentException when {@code json} is not a data recipe
     */
    public static DataRecipe fromJson(String json) {
        return JsonValues.read(json, DataRecipe.class, "a data recipe");
    }

    /** The recipe saved in {@code folder}, if there is one. */
    public static Optional<DataRecipe> read(Path folder) {
        Path file = folder.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(fromJson(Files.readString(file)));
        } catch (IOException | IllegalArgumentException e) {
            throw new DataFormatException(file, "is not a readable data recipe: " + e.getMessage(), e);
        }
    }
}
