package dev.autoencoder.tests.onnx;

import dev.autoencoder.tests.python.SystemPython;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The ONNX project's own checker ({@code onnx.checker.check_model} with {@code full_check}, which includes strict shape
 * inference) run on files by a system Python where Debian's {@code python3-onnx} is installed (CI installs it).
 */
final class OnnxChecker {
    private static final String SCRIPT = "import sys, onnx\n"
            + "for path in sys.argv[1:]:\n"
            + "    onnx.checker.check_model(onnx.load(path), full_check=True)\n"
            + "print(onnx.__version__)\n";

    private OnnxChecker() {
    }

    /** The interpreter that has onnx, if any. */
    static Optional<String> python() {
        return SystemPython.with("onnx");
    }

    /**
     * Checks {@code files} with {@code python}, returning the version of onnx that checked them.
     *
     * @throws AssertionError with the checker's words when one fails
     */
    static String check(String python, List<Path> files) throws IOException {
        List<String> command = new ArrayList<>(List.of(python, "-c", SCRIPT));
        files.forEach(f -> command.add(f.toString()));
        SystemPython.Result r = SystemPython.run(command, Path.of("."));
        if (r.exitCode() != 0) {
            throw new AssertionError("onnx.checker refused a file:\n" + r.output());
        }
        return r.output().strip();
    }
}
