package dev.autoencoder.tests.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher {@code ./ae} run as a process on the runnable jar, as a user runs it. Runs in the integration-test
 * phase, after ae-cli's jar is packaged; skipped when that jar was not built in this build.
 */
class LauncherIT {
    private static Path launcher;

    @TempDir
    Path dir;

    /**
     * One finished process.
     *
     * @param code the exit code
     * @param out  standard output
     * @param err  standard error
     */
    private record Ran(int code, String out, String err) {
    }

    @BeforeAll
    static void findLauncher() {
        String jar = System.getProperty("ae.cli.jar");
        assumeTrue(jar != null && Files.isRegularFile(Path.of(jar)), "the runnable jar of ae-cli was not built in this build");
        launcher = Path.of(System.getProperty("ae.launcher")).toAbsolutePath().normalize();
    }

    private Ran ae(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(launcher.toString()));
        command.addAll(List.of(args));
        Path out = dir.resolve("stdout.txt");
        Path err = dir.resolve("stderr.txt");
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile())
                .start();
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "ae " + String.join(" ", args) + " finishes");
        return new Ran(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void versionAndBackends() throws Exception {
        Ran version = ae("--version");
        assertEquals(0, version.code(), version.err());
        assertTrue(version.out().startsWith("ae "), version.out());
        Ran backends = ae("backends");
        assertEquals(0, backends.code(), backends.err());
        assertTrue(backends.out().contains("pure") && backends.out().contains("selected: "), backends.out());
        // every backend the runnable jar holds starts from it (a dependency left out of the jar shows here)
        assertFalse(backends.out().contains("cannot start"), backends.out());
        // the launcher runs pure's Vector API kernel, and drops the JDK's announcement of the incubating module
        assertTrue(backends.out().contains("Vector API"), backends.out());
        assertEquals("", backends.err(), "no incubator warning");
    }

    @Test
    void trainsAndDrawsHeadless() throws Exception {
        Ran train = ae("train", "--epochs", "1", "--out", "run");
        assertEquals(0, train.code(), train.err());
        assertEquals("", train.err(), "quiet by default");
        Ran reconstruct = ae("reconstruct", "--checkpoint", "run");
        assertEquals(0, reconstruct.code(), reconstruct.err());
        assertTrue(Files.size(dir.resolve("run").resolve("reconstructed.png")) > 0);
    }

    @Test
    void badInputExitsWithTwoAndOneLine() throws Exception {
        Ran missing = ae("evaluate", "--checkpoint", "missing.safetensors");
        assertEquals(2, missing.code());
        assertEquals(1, missing.err().strip().lines().count(), missing.err());
        assertTrue(missing.err().contains("missing.safetensors"), missing.err());
    }
}
