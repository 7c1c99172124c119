package dev.autoencoder.tests.onnx;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The ONNX project's own checker ({@code onnx.checker.check_model} with {@code full_check}, which includes strict shape
 * inference) run on files by the system's Python, where Debian's {@code python3-onnx} is installed (CI installs it).
 */
final class OnnxChecker {
    private static final String PYTHON = "/usr/bin/python3";
    private static final String SCRIPT = "import sys, onnx\n"
            + "for path in sys.argv[1:]:\n"
            + "    onnx.checker.check_model(onnx.load(path), full_check=True)\n"
            + "print(onnx.__version__)\n";

    private OnnxChecker() {
    }

    /** Why the checker cannot run here, or null when it can. */
    static String unavailable() {
        try {
            Result r = python(List.of("-c", "import onnx"));
            return r.code == 0 ? null : PYTHON + " cannot import onnx (install python3-onnx): " + r.output.strip();
        } catch (IOException e) {
            return "no " + PYTHON + ": " + e.getMessage();
        }
    }

    /**
     * Checks {@code files}, returning the version of onnx that checked them.
     *
     * @throws AssertionError with the checker's words when one fails
     */
    static String check(List<Path> files) throws IOException {
        List<String> args = new ArrayList<>(List.of("-c", SCRIPT));
        files.forEach(f -> args.add(f.toString()));
        Result r = python(args);
        if (r.code != 0) {
            throw new AssertionError("onnx.checker refused a file:\n" + r.output);
        }
        return r.output.strip();
    }

    private record Result(int code, String output) {
    }

    private static Result python(List<String> args) throws IOException {
        List<String> command = new ArrayList<>(List.of(PYTHON));
        command.addAll(args);
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(5, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new IOException("python did not finish");
            }
            return new Result(p.exitValue(), output);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
