package dev.autoencoder.data.mnist;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Finds the files of an MNIST-like dataset on disk. Folders are searched in this order: the folder
 * the user named (and its {@code <folderName>} subfolder), then {@code $AE_DATA/<folderName>} and
 * {@code $AE_DATA}, then the folders a system package installs to (for Fashion-MNIST, Debian's
 * {@code /usr/share/datasets/fashion-mnist}). A folder matches when it holds both files of a part,
 * gzip-compressed ({@code .gz}) or already decompressed.
 */
public final class DatasetLocator {
    /** The environment variable naming a folder of datasets. */
    public static final String ENV_VARIABLE = "AE_DATA";

    private final IdxDatasetSpec spec;
    private final Path userFolder;
    private final String dataRoot;

    /**
     * A locator for {@code spec}.
     *
     * @param userFolder the folder the user named, or {@code null}
     * @param environment reads environment variables (normally {@code System::getenv})
     */
    public DatasetLocator(IdxDatasetSpec spec, Path userFolder, Function<String, String> environment) {
        this.spec = spec;
        this.userFolder = userFolder;
        String value = environment.apply(ENV_VARIABLE);
        this.dataRoot = value == null || value.isBlank() ? null : value;
    }

    /** A locator reading {@code $AE_DATA} from the process environment. */
    public static DatasetLocator standard(IdxDatasetSpec spec, Path userFolder) {
        return new DatasetLocator(spec, userFolder, System::getenv);
    }

    /** The folders searched, in order. */
    public List<Path> searchFolders() {
        List<Path> folders = new ArrayList<>();
        if (userFolder != null) {
            folders.add(userFolder);
            folders.add(userFolder.resolve(spec.folderName()));
        }
        if (dataRoot != null) {
            folders.add(Path.of(dataRoot, spec.folderName()));
            folders.add(Path.of(dataRoot));
        }
        folders.addAll(spec.systemFolders());
        return folders;
    }

    /** The files of {@code split} in the first folder that has both, if any does. */
    public Optional<SplitFiles> find(IdxSplit split) {
        for (Path folder : searchFolders()) {
            Optional<Path> images = existing(folder, spec.imagesFile(split));
            Optional<Path> labels = existing(folder, spec.labelsFile(split));
            if (images.isPresent() && labels.isPresent()) {
                return Optional.of(new SplitFiles(images.get(), labels.get()));
            }
        }
        return Optional.empty();
    }

    /**
     * Where downloads go: the user's folder, else {@code $AE_DATA/<folderName>}, else
     * {@code ~/.cache/ae/<folderName>}.
     */
    public Path downloadFolder() {
        if (userFolder != null) {
            return userFolder;
        }
        if (dataRoot != null) {
            return Path.of(dataRoot, spec.folderName());
        }
        return Path.of(System.getProperty("user.home"), ".cache", "ae", spec.folderName());
    }

    private static Optional<Path> existing(Path folder, String gzipName) {
        Path compressed = folder.resolve(gzipName);
        if (Files.isRegularFile(compressed)) {
            return Optional.of(compressed);
        }
        Path plain = folder.resolve(gzipName.substring(0, gzipName.length() - ".gz".length()));
        return Files.isRegularFile(plain) ? Optional.of(plain) : Optional.empty();
    }
}
