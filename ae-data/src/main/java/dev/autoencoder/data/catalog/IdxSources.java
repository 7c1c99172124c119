package dev.autoencoder.data.catalog;

import dev.autoencoder.data.Dataset;
import dev.autoencoder.data.idx.IdxDatasetLoader;
import dev.autoencoder.data.mnist.IdxDatasetRepository;
import dev.autoencoder.data.mnist.IdxSplit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The catalog's IDX sources: a named dataset found on disk, a folder of MNIST-like files ({@code train-images-idx3-ubyte}
 * and, when present, {@code t10k-images-idx3-ubyte}, plain or gzip), or one images file; each labelled by the
 * labels file beside it when there is one. Pixels are bytes, scaled by 255.
 */
final class IdxSources {
    private static final String IMAGES = "-images-idx3-ubyte";
    private static final String LABELS = "-labels-idx1-ubyte";

    private IdxSources() {
    }

    /** A named dataset, with its own test files. */
    static LoadedData named(String name, IdxDatasetRepository repository) {
        return LoadedData.scaled(name, repository.load(IdxSplit.TRAIN), repository.load(IdxSplit.TEST), Scaling.ofBytes());
    }

    /** The MNIST-like files in {@code folder}, or empty when it holds no training images. */
    static Optional<LoadedData> folder(String name, Path folder) {
        Optional<Path> trainImages = file(folder, "train" + IMAGES);
        if (trainImages.isEmpty()) {
            return Optional.empty();
        }
        Dataset train = images(trainImages.get(), name + "-train");
        Optional<Path> testImages = file(folder, "t10k" + IMAGES);
        Scaling scaling = Scaling.ofBytes();
        return Optional.of(testImages.isEmpty() ? Holdout.of(name, train, scaling)
                : LoadedData.scaled(name, train, images(testImages.get(), name + "-test"), scaling));
    }

    /** An IDX images file, labelled by the labels file beside it when there is one. */
    static Dataset images(Path images, String name) {
        String file = images.getFileName().toString();
        Optional<Path> labels = Optional.empty();
        if (file.contains(IMAGES)) {
            labels = file(images.toAbsolutePath().getParent(), file.replace(IMAGES, LABELS).replaceFirst("\\.gz$", ""));
        }
        IdxDatasetLoader loader = new IdxDatasetLoader();
        return labels.isPresent() ? loader.load(images, labels.get(), name, List.of()) : loader.loadUnlabeled(images, name);
    }

    /** {@code folder/name.gz} or {@code folder/name}, whichever exists. */
    private static Optional<Path> file(Path folder, String name) {
        return Stream.of(folder.resolve(name + ".gz"), folder.resolve(name)).filter(Files::isRegularFile).findFirst();
    }
}
