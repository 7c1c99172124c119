package dev.autoencoder.models.run;

import dev.autoencoder.api.DType;
import dev.autoencoder.api.TensorBackend;
import dev.autoencoder.data.catalog.DataRecipe;
import dev.autoencoder.models.checkpoint.CheckpointException;
import dev.autoencoder.models.checkpoint.ModelCheckpoint;
import dev.autoencoder.models.checkpoint.Provenance;
import dev.autoencoder.models.family.Autoencoder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A model read from a checkpoint, with the recipe of its training data: the checkpoint's own (checkpoints a run
 * writes carry it), else the {@code data.json} beside a checkpoint of an earlier release.
 *
 * @param model      the model, on the selected backend, F32
 * @param file       the checkpoint it came from
 * @param recipe     how its training data was made
 * @param provenance where it came from, or null when the checkpoint does not say
 */
public record LoadedModel(Autoencoder model, Path file, Optional<DataRecipe> recipe, Provenance provenance) {

    /** Loads the checkpoint {@code given} names (a file, or a run folder: see {@link #checkpointIn}) onto {@code backend}. */
    public static LoadedModel load(Path given, TensorBackend backend) {
        Path file = checkpointIn(given);
        if (!Files.exists(file)) {
            throw new CheckpointException(file, "no such file");
        }
        ModelCheckpoint.Loaded loaded = ModelCheckpoint.load(file, backend, DType.F32);
        return new LoadedModel(loaded.model(), file, loaded.recipe().or(() -> DataRecipe.read(file.toAbsolutePath().getParent())),
                loaded.provenance());
    }

    /**
     * The checkpoint {@code given} names: the file itself, or for a run folder its best checkpoint (else its last).
     *
     * @throws CheckpointException for a folder that holds neither
     */
    public static Path checkpointIn(Path given) {
        if (!Files.isDirectory(given)) {
            return given;
        }
        for (String name : new String[] {TrainingRun.BEST, TrainingRun.MODEL}) {
            if (Files.isRegularFile(given.resolve(name))) {
                return given.resolve(name);
            }
        }
        throw new CheckpointException(given, "is a folder without " + TrainingRun.BEST + " or " + TrainingRun.MODEL);
    }

    /** An error saying that {@code job} needs a model with a prior, unless this one has it. */
    public void requireGenerative(String job) {
        if (model.generative().isEmpty()) {
            throw new IllegalArgumentException(job + " needs a vae, conv-vae, cvae or conv-cvae model, but " + file
                    + " holds a model of family " + model.spec().family().id());
        }
    }

    /** For messages: {@code conv-vae model runs/x/best.safetensors}. */
    public String describe() {
        return model.spec().family().id() + " model " + file;
    }
}
