package dev.autoencoder.tests.python;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A Python interpreter that imports a given module (Debian's python3-torch, python3-onnx), for the tests that hand
 * files to PyTorch or ONNX: {@code -Dae.python=PATH}, else the first of {@code python3} on the PATH and Debian's
 * {@code /usr/bin/python3} that has the module. CI installs both packages.
 */
public final class SystemPython {
    private SystemPython() {
    }

    /** The first interpreter that imports {@code module}, if any. */
    public static Optional<String> with(String module) {
        for (String python : candidates()) {
            try {
                if (run(List.of(python, "-c", "import " + module), Path.of(".")).exitCode() == 0) {
                    return Optional.of(python);
                }
            } catch (IOException e) {
                // not this one
            }
        }
        return Optional.empty();
    }

    /** The first interpreter that imports {@code module}, or an assertion error saying which Debian package to install. */
    public static String require(String module, String debianPackage) {
        return with(module).orElseThrow(() -> new AssertionError("this test needs Python with " + module + ": apt-get install "
                + debianPackage + " (Debian), or -Dae.python=/path/to/python; tried " + candidates()));
    }

    private static List<String> candidates() {
        List<String> candidates = new ArrayList<>();
        String chosen = System.getProperty("ae.python");
        if (chosen != null) {
            candidates.add(chosen);
        }
        candidates.add("python3");
        candidates.add("/usr/bin/python3");
        return candidates;
    }

    /** What a process printed (output and errors together) and how it ended. */
    public record Result(int exitCode, String output) {
    }

    /** Runs {@code command} in {@code dir} for at most ten minutes. */
    public static Result run(List<String> command, Path dir) throws IOException {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        try {
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(10, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new IOException(command + " did not finish in ten minutes");
            }
            return new Result(p.exitValue(), out);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
