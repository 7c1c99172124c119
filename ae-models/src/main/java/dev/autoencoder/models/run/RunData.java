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
 * and the clean samples as targets (a conditional model's followed by their one-hot labels). Their SHA-256, which identifies the data a run trained on, is computed once.
 */
public final class RunData {
    private final String name;
    private final Dataset inputs;
    private final Dataset targets;
    private final String sha256;

    private RunData(String name, Dataset inputs, Dataset targets) {
        this.name = name;
        this.inputs = inputs;
        this.targets = targets;
        this.sha256 = digest(inputs, targets);
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
        Dataset targets = conditioned(InputShapes.fit(part, spec.inputShape(), spec.windowLayout(), model), spec);
        Dataset inputs = recipe.degradation().map(d -> conditioned(InputShapes.fit(d.apply(part, new Rng(seed)), spec.inputShape(),
                spec.windowLayout(), model), spec)).orElse(targets);
        return new RunData(loaded.name(), inputs, targets);
    }

    /** A conditional model's samples followed by their one-hot labels, as it reads them; others' as they are. */
    private static Dataset conditioned(Dataset samples, ModelSpec spec) {
        return spec.classes() == 0 ? samples : Classes.withOneHot(samples, spec.classes());
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

    /** The samples as the trainer takes them. */
    public TrainingData training() {
        return new TrainingData(inputs.data(), targets.data(), targets.sampleShape());
    }

    /** Number of samples. */
    public int size() {
        return targets.size();
    }

    /** The data's name, size and SHA-256. */
    public DataIdentity identity() {
        return new DataIdentity(name, size(), sha256);
    }

    /** The SHA-256 of the inputs and targets (little-endian floats), which identifies the data a run trained on. */
    public String sha256() {
        return sha256;
    }

    private static String digest(Dataset inputs, Dataset targets) {
        MessageDigest digest = Sha256.newDigest();
        Sha256.updateFloats(digest, inputs.data());
        Sha256.updateFloats(digest, targets.data());
        return Sha256.hex(digest);
    }
}
