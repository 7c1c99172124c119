package dev.autoencoder.cli.model;

import dev.autoencoder.models.run.TrainingRun;
import java.nio.file.Path;

/**
 * The folder of a training run as the CLI sees it: the run's own files ({@link TrainingRun}) and the pictures
 * {@code ae train} draws beside them. A folder that already holds a run is never replaced unless the user says so.
 *
 * @param dir the folder
 */
public record RunFolder(Path dir) {
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

    /**
     * Refuses a folder that holds a run unless {@code force}.
     *
     * @throws IllegalArgumentException naming the folder and the way out
     */
    public void requireNoCheckpoint(boolean force) {
        if (TrainingRun.holdsRun(dir) && !force) {
            throw new IllegalArgumentException(dir + " already holds a checkpoint; use --force to replace it (the old run stays "
                    + "until the new one commits its first epoch), --resume to continue it, or another --out");
        }
    }
}
