package dev.autoencoder.examples;

import dev.autoencoder.api.TensorBackend;
import dev.autoencoder.data.Dataset;
import dev.autoencoder.data.catalog.DataCatalog;
import dev.autoencoder.data.catalog.DataRecipe;
import dev.autoencoder.data.catalog.DataRequest;
import dev.autoencoder.data.catalog.InputShapes;
import dev.autoencoder.data.catalog.LoadedData;
import dev.autoencoder.data.catalog.Task;
import dev.autoencoder.models.family.Family;
import dev.autoencoder.models.family.ModelSpec;
import dev.autoencoder.models.inference.Inference;
import dev.autoencoder.models.run.OptimizerKind;
import dev.autoencoder.models.run.RunData;
import dev.autoencoder.models.run.RunSettings;
import dev.autoencoder.models.run.TrainingRun;
import dev.autoencoder.models.train.EpochMetrics;
import dev.autoencoder.models.train.ProgressView;
import dev.autoencoder.models.train.TrainingListener;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * What the examples share: their output folder, the bundled digits, a training run on them with a line printed per
 * epoch, and the conversions between the model's flat samples and 8x8 images. {@link TrainAndEmbed} spells these
 * steps out; copy this class along with any other example.
 */
public final class Digits {
    /** The bundled digits: 1,797 images of 8x8 pixels, nothing to download. */
    public static final DataRequest REQUEST = new DataRequest(DataRequest.DIGITS, null, null, null);
    /** One digit's image shape. */
    public static final int[] IMAGE = {1, 8, 8};

    private Digits() {
    }

    /** The folder an example writes into: its first argument, else a new temporary folder. */
    public static Path outputFolder(String[] args, String example) throws IOException {
        Path folder = args.length > 0 ? Files.createDirectories(Path.of(args[0])) : Files.createTempDirectory("ae-" + example + "-");
        System.out.println(example + ": writing into " + folder);
        return folder;
    }

    /** The digits scaled to [0, 1], split into a training part and a fixed test part of 20%. */
    public static LoadedData load() {
        return new DataCatalog().load(REQUEST, Optional.empty());
    }

    /** How a run's data is made from the digits: as loaded, only the digits {@code normalClass} when it is not null. */
    public static DataRecipe recipe(LoadedData digits, Integer normalClass) {
        return new DataRecipe(REQUEST, digits.scaling(), digits.train().sampleShape(), normalClass, Task.RECONSTRUCT, 2, 3);
    }

    /** Adam at {@code lr} for {@code epochs} epochs in batches of 32, seed 42, 10% of the training part validating. */
    public static RunSettings settings(int epochs, double lr) {
        return new RunSettings(epochs, 32, OptimizerKind.ADAM, lr, null, null, 42, 0.1, 0, 0, 0, 0);
    }

    /** The default {@code family} model for the flattened digits (64 values): hidden layers of 32 and 8, a code of 4. */
    public static ModelSpec spec(Family family) {
        return ModelSpec.defaults(family, InputShapes.flat(IMAGE));
    }

    /**
     * A new run of {@code spec} in {@code folder} (replacing any run there), trained for {@code epochs} epochs on the
     * digits (only the digits {@code normalClass} when it is not null) with Adam at 3e-3.
     */
    public static Trained train(Path folder, ModelSpec spec, int epochs, Integer normalClass, TensorBackend backend) {
        LoadedData digits = load();
        DataRecipe recipe = recipe(digits, normalClass);
        RunSettings settings = settings(epochs, 3e-3);
        RunData data = RunData.of(digits, recipe, spec, settings.seed(), spec.family().id());
        TrainingRun run = TrainingRun.start(folder, spec, settings, recipe, data, backend, true);
        run.train(data, epochLines());
        return new Trained(digits, run, new Inference(backend, run.model(), 256));
    }

    /**
     * A trained model and the digits it trained on.
     *
     * @param digits    the digits as loaded
     * @param run       the run, holding the model
     * @param inference the model applied in batches of 256
     */
    public record Trained(LoadedData digits, TrainingRun run, Inference inference) {
        /** The test digits, which the model never saw, as it takes them. */
        public Dataset test() {
            return forModel(digits.test(), run.model().spec());
        }
    }

    /** Prints the training and the validation loss of five epochs of each fit, the last one included. */
    public static ProgressView epochLines() {
        return (label, epochs, samplesPerEpoch, batchSize) -> new TrainingListener() {
            @Override
            public void onEpoch(EpochMetrics m) {
                if ((epochs - m.epoch() - 1) % Math.max(1, epochs / 5) != 0) {
                    return;
                }
                System.out.printf(Locale.ROOT, "  %sepoch %d/%d: loss %.5f, validation %.5f%n", label.isEmpty() ? "" : label + ", ",
                        m.epoch() + 1, epochs, m.train().get("total"), m.monitored());
            }
        };
    }

    /** The digits {@code part} as {@code spec}'s model takes them (flattened to 64 values for an MLP). */
    public static Dataset forModel(Dataset part, ModelSpec spec) {
        return InputShapes.fit(part, spec.inputShape(), spec.family().id());
    }

    /** {@code values} (a model's output, one row per sample of {@code like}) as 8x8 images with {@code like}'s labels. */
    public static Dataset images(Dataset like, float[] values) {
        return like.withFeatures(values, IMAGE);
    }

    /** {@code samples} (flattened digits) as 8x8 images. */
    public static Dataset images(Dataset samples) {
        return samples.reshape(IMAGE);
    }

    /** {@code values} (rows of 64) as unlabelled 8x8 images. */
    public static Dataset images(String name, float[] values) {
        return Dataset.unlabeled(name, values, IMAGE);
    }
}
