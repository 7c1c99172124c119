package dev.autoencoder.cli.model;

import dev.autoencoder.data.catalog.DataRecipe;
import dev.autoencoder.models.checkpoint.CheckpointException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The folder of a training run and the names of what it holds. A folder that already holds a checkpoint is never
 * overwritten unless the user says so.
 *
 * @param dir the folder
 */
public record RunFolder(Path dir) {
    /** The last epoch's weights. */
    public Path model() {
        return dir.resolve("model.safetensors");
    }

    /** The weights with the best validation loss. */
    public Path best() {
        return dir.resolve("best.safetensors");
    }

    /** Optimizer state and progress, for {@code --resume}. */
    public Path trainState() {
        return dir.resolve("model.train-state.safetensors");
    }

    /** Every loss term per epoch. */
    public Path metrics() {
        return dir.resolve("metrics.csv");
    }

    /** The loss curves. */
    public Path lossPlot() {
        return dir.resolve("loss.png");
    }

    /** Inputs beside outputs, on validation samples. */
    public Path reconstructions() {
        return dir.resolve("reconstructions.png");
    }

    /** A VAE's samples from the prior. */
    public Path samples() {
        return dir.resolve("samples.png");
    }

    /** A 2-D VAE's latent traversal. */
    public Path traversal() {
        return dir.resolve("traversal.png");
    }

    /** How the data was made. */
    public Path recipe() {
        return dir.resolve(DataRecipe.FILE_NAME);
    }

    /** Whether any checkpoint file is there. */
    public boolean holdsCheckpoint() {
        return Stream.of(model(), best(), trainState()).anyMatch(Files::exists);
    }

    /**
     * Refuses a folder that holds a checkpoint unless {@code force}.
     *
     * @throws IllegalArgumentException naming the folder and the way out
     */
    public void requireNoCheckpoint(boolean force) {
        if (holdsCheckpoint() && !force) {
            throw new IllegalArgumentException(dir + " already holds a checkpoint; use --force to overwrite it, --resume to "
                    + "continue it, or another --out");
        }
    }

    /** Deletes what a training run writes here (before a forced new run), so no file of the old run is left. */
    public void clear() throws IOException {
        for (Path file : List.of(model(), best(), trainState(), metrics(), lossPlot(), reconstructions(), samples(), traversal(),
                recipe())) {
            Files.deleteIfExists(file);
        }
    }

    /**
     * The checkpoint a {@code --checkpoint} value names: the file itself, or for a run folder its best checkpoint
     * (else its last).
     */
    public static Path checkpointIn(Path given) {
        if (!Files.isDirectory(given)) {
            return given;
        }
        RunFolder run = new RunFolder(given);
        if (Files.isRegularFile(run.best())) {
            return run.best();
        }
        if (Files.isRegularFile(run.model())) {
            return run.model();
        }
        throw new CheckpointException(given, "is a folder without best.safetensors or model.safetensors");
    }
}
