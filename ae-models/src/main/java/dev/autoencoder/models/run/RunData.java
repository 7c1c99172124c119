package dev.autoencoder.models.run;

import dev.autoencoder.api.random.Rng;
import dev.autoencoder.data.Dataset;
import dev.autoencoder.data.catalog.Classes;
import dev.autoencoder.data.catalog.DataRecipe;
import dev.autoencoder.data.catalog.InputShapes;
import dev.autoencoder.data.catalog.LoadedData;
import dev.autoencoder.data.io.Sha256;
import dev.autoencoder.models.family.ModelSpec;
import dev.autoencoder.models.train.TrainingData;
import java.security.MessageDigest;

/**
 * The samples a run trains on, made from loaded data as its recipe says: the training part (only the normal class of a
 * one-class model), in the model's input shape, with inputs degraded as the task asks (super-resolution, inpainting)
 * and the clean samples as targets; a conditional model trains on them followed by their one-hot labels. The SHA-256 of
 * what it trains on, which identifies the data a run trained on, is computed once.
 */
public final class RunData {
    private final String name;
    private final Dataset inputs;
    private final Dataset targets;
    private final TrainingData training;
    private final String sha256;

    private RunData(String name, Dataset inputs, Dataset targets, int classes) {
        this.name = name;
        this.inputs = inputs;
        this.targets = targets;
        this.training = classes == 0 ? new TrainingData(inputs.data(), targets.data(), targets.sampleShape())
                : new TrainingData(Classes.withOneHot(inputs, classes).data(), Classes.withOneHot(targets, classes).data(),
                        new int[] {targets.sampleSize() + classes});
        this.sha256 = digest(training);
    }
    /**
     * The training samples of {@code loaded} made by {@code recipe} for a model of {@code spec}; any
     * degradation is drawn from {@code seed}.
     *
     * @param model names the model in an error message (e.g. {@code preset conv-ae})
     * @throws IllegalArgumentException when the samples do not fit the model
     */
    public static RunData of(LoadedData loaded, DataRecipe recipe, ModelSpec spec, long seed, String model) {
        Dataset part = recipe.normalClass() == null ? loaded.train() : Classes.only(loaded.train(), recipe.normalClass());
        Dataset targets = InputShapes.fit(part, spec.inputShape(), spec.windowLayout(), model);
        Dataset inputs = recipe.degradation().map(d -> InputShapes.fit(d.apply(part, new Rng(seed)), spec.inputShape(), spec.windowLayout(),
                model)).orElse(targets);
        return new RunData(loaded.name(), inputs, targets, spec.classes());
    }

    /** The data's name. */
    public String name() {
        return name;
    }

    /** What the model sees. */
    public Dataset inputs() {
        return inputs;
    }

    /** What it reconstructs. */
    public Dataset targets() {
        return targets;
    }

    /** The samples as the trainer takes them (a conditional model's followed by their one-hot labels). */
    public TrainingData training() {
        return training;
    }

    /** Number of samples. */
    public int size() {
        return targets.size();
    }

    /** The data's name, size and SHA-256. */
    public DataIdentity identity() {
        return new DataIdentity(name, size(), sha256);
    }

    /**
     * The SHA-256 of the inputs and targets as the trainer takes them (little-endian floats), which identifies the data a
     * run trained on.
     */
    public String sha256() {
        return sha256;
    }

    private static String digest(TrainingData training) {
        MessageDigest digest = Sha256.newDigest();
        Sha256.updateFloats(digest, training.inputs());
        Sha256.updateFloats(digest, training.targets());
        return Sha256.hex(digest);
    }
}
