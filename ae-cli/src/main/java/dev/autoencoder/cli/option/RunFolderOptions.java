package dev.autoencoder.cli.option;

import dev.autoencoder.cli.model.RunFolder;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where a training command writes its run, and whether it starts one, replaces one or continues one. */
public final class RunFolderOptions {
    @Option(names = "--out", paramLabel = "DIR", description = "The run folder. Default: runs/<model>-<data>.")
    private Path out;

    @Option(names = "--force", description = "Start afresh in a run folder that already holds a checkpoint (its files are replaced).")
    private boolean force;

    @Option(names = "--resume", description = "Continue the run in --out from its last epoch, with its model and settings, "
            + "up to --epochs.")
    private boolean resume;

    /**
     * The run folder: {@code --out}, else {@code runs/<model>-<data>}; for a new run, checked to hold no run unless
     * {@code --force}.
     *
     * @throws IllegalArgumentException when both {@code --resume} and {@code --force} are given, or a new run would
     *                                  replace one without {@code --force}
     */
    public RunFolder folder(String model, String data) {
        if (resume && force) {
            throw new IllegalArgumentException("--resume continues a run and --force replaces it: choose one");
        }
        RunFolder folder = new RunFolder(out != null ? out : Path.of("runs", model + "-" + data));
        if (!resume) {
            folder.requireNoCheckpoint(force);
        }
        return folder;
    }

    /** Whether the run may replace one in its folder. */
    public boolean force() {
        return force;
    }

    /** Whether the run continues the one in its folder. */
    public boolean resume() {
        return resume;
    }
}
