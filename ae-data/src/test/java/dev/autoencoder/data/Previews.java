package dev.autoencoder.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The folder where tests leave the PNG files they write ({@code target/previews} of the module), so
 * that a person (or CI, as artifacts) can look at them after the build.
 */
public final class Previews {

    private Previews() {
    }

    /** {@code target/previews/<name>}, with the folder created. */
    public static Path file(String name) throws IOException {
        Path folder = Path.of(System.getProperty("basedir", "."), "target", "previews");
        Files.createDirectories(folder);
        return folder.resolve(name);
    }
}
