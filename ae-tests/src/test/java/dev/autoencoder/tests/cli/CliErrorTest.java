package dev.autoencoder.tests.cli;

import static dev.autoencoder.tests.cli.Cli.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad usage and bad input: exit code 2 and one line on stderr naming the problem and the file or option. */
class CliErrorTest {
    @TempDir
    static Path dir;

    private static Path run;

    @BeforeAll
    static void trainOneRun() {
        run = dir.resolve("run");
        Cli.run("train", "--epochs", "1", "--out", run.toString()).ok();
    }

    @Test
    void aMissingCheckpointIsNamed() {
        Path missing = dir.resolve("missing.safetensors");
        run("evaluate", "--checkpoint", missing.toString()).badInput(missing.toString());
    }

    @Test
    void aCorruptCheckpointIsNamed() throws IOException {
        byte[] good = Files.readAllBytes(run.resolve("model.safetensors"));
        Path corrupt = Files.write(dir.resolve("corrupt.safetensors"), Arrays.copyOf(good, good.length / 2));
        run("reconstruct", "--checkpoint", corrupt.toString()).badInput(corrupt.toString());
        Path text = Files.writeString(dir.resolve("text.safetensors"), "no weights here");
        run("embed", "--checkpoint", text.toString()).badInput(text.toString());
    }

    @Test
    void anUnknownBackendListsTheOnesFound() {
        run("train", "--backend", "no-such-backend", "--out", dir.resolve("x").toString()).badInput("unknown backend 'no-such-backend'");
        run("backends", "--backend", "no-such-backend").badInput("on the classpath: ");
    }

    @Test
    void unknownOptionsAndValuesAreNamed() {
        run("train", "--no-such-option").badInput("'--no-such-option'");
        run("train", "--model", "transformer").badInput("--model");
        run("denoise", "--checkpoint", run.toString(), "--noise", "pink").badInput("--noise");
        run("no-such-command").badInput("no-such-command");
        run("train", "--epochs", "0", "--out", dir.resolve("zero").toString()).badInput("epochs must be at least 1, got 0");
    }

    @Test
    void incompatibleCheckpointAndDataShapesAreNamed() throws IOException {
        Path table = Files.writeString(dir.resolve("table.csv"), "a,b,c\n1,2,3\n4,5,6\n7,8,9\n1,1,1\n2,2,2\n");
        String line = run("evaluate", "--checkpoint", run.toString(), "--data", table.toString()).badInput("takes samples of shape [64]");
        assertTrue(line.contains("has samples of shape [3]"), line);
        run("train", "--preset", "conv-ae", "--out", dir.resolve("preset").toString()).badInput("preset");
    }

    @Test
    void missingDataIsNamed() {
        Path missing = dir.resolve("nothing.csv");
        run("train", "--data", missing.toString(), "--out", dir.resolve("y").toString()).badInput(missing.toString());
    }

    @Test
    void anExistingRunIsNotOverwrittenWithoutForce() throws IOException {
        byte[] before = Files.readAllBytes(run.resolve("model.safetensors"));
        run("train", "--epochs", "1", "--out", run.toString()).badInput("already holds a checkpoint; use --force");
        assertTrue(Arrays.equals(before, Files.readAllBytes(run.resolve("model.safetensors"))), "the checkpoint is untouched");
        Path forced = dir.resolve("forced");
        run("train", "--epochs", "2", "--out", forced.toString()).ok();
        run("train", "--epochs", "1", "--force", "--out", forced.toString()).ok();
        assertEquals(2, Cli.csv(forced.resolve("metrics.csv")).size(), "the forced run starts afresh");
    }

    @Test
    void helpAndVersionExitWithZero() {
        for (String command : new String[] {"train", "evaluate", "embed", "reconstruct", "denoise", "super-resolve", "inpaint",
            "anomaly", "generate", "interpolate", "compress", "decompress", "backends"}) {
            String out = run(command, "--help").ok().out();
            assertTrue(out.contains("Usage: ae " + command), out);
        }
        assertTrue(run("--version").ok().out().startsWith("ae "));
    }
}
