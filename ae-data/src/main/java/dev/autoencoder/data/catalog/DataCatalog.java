package dev.autoencoder.data.catalog;

import dev.autoencoder.data.DataFormatException;
import dev.autoencoder.data.DataNotFoundException;
import dev.autoencoder.data.bundled.BundledDigits;
import dev.autoencoder.data.image.ColorMode;
import dev.autoencoder.data.image.ImageFolderLoader;
import dev.autoencoder.data.image.ImageFolderOptions;
import dev.autoencoder.data.mnist.IdxDatasetRepository;
import dev.autoencoder.data.mnist.IdxDatasetSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Loads the data a {@link DataRequest} names, scaled to [0, 1] and split into a training and a test part: the
 * bundled digits, Fashion-MNIST or MNIST found on disk, or a path (an IDX images file, a folder of MNIST-like IDX
 * files, a folder of images, a CSV table or, with a window, a CSV time series). Named datasets and IDX folders
 * bring their own test files; every other source holds out a fixed {@link Holdout}. Pixels are scaled by their
 * known range (digits 0..16, 8-bit images 0..255); CSV columns by their range on the training part, or by a
 * scaling saved with a model, so that new data is scaled as its training data was.
 */
public final class DataCatalog {
    /**
     * Loads {@code request}; a CSV source uses {@code saved} scaling when given, else fits its own.
     *
     * @throws dev.autoencoder.data.DataException when the source is missing or malformed (naming the file)
     */
    public LoadedData load(DataRequest request, Optional<Scaling> saved) {
        if (request.series()) {
            return loadSeries(request, saved).windowed();
        }
        String source = request.source().trim();
        return switch (source) {
            case DataRequest.DIGITS -> Holdout.of(source, BundledDigits.load(), Scaling.ofRange(0, BundledDigits.MAX_PIXEL));
            case DataRequest.FASHION_MNIST -> IdxSources.named(source, IdxDatasetRepository.fashionMnist(null));
            case DataRequest.MNIST -> IdxSources.named(source, IdxDatasetRepository.of(IdxDatasetSpec.MNIST, null));
            default -> loadPath(Path.of(source), request, saved);
        };
    }

    /**
     * Loads the CSV time series {@code request} names (it has a window), its steps scaled by {@code saved} when given,
     * else by their range on the training part.
     *
     * @throws IllegalArgumentException when the request has no window, or names a dataset of images
     * @throws dev.autoencoder.data.DataException when the file is missing, no CSV file, malformed, or too short
     */
    public SeriesData loadSeries(DataRequest request, Optional<Scaling> saved) {
        String source = request.source().trim();
        if (!request.series() || request.named()) {
            throw new IllegalArgumentException("a window cuts a time series from a CSV file, "
                    + (request.named() ? "but " + source + " is a dataset of images" : "and none was given"));
        }
        Path path = existing(Path.of(source));
        if (!CsvSources.isCsv(path) || Files.isDirectory(path)) {
            throw new DataFormatException(path, "a window cuts a time series from a CSV file, but this is not a .csv file");
        }
        return CsvSources.series(request.name(), path, request, saved);
    }

    private static Path existing(Path path) {
        if (!Files.exists(path)) {
            throw new DataNotFoundException(path, "no such file or folder (a data source is digits, fashion-mnist, mnist or a path)");
        }
        return path;
    }

    private static LoadedData loadPath(Path path, DataRequest request, Optional<Scaling> saved) {
        existing(path);
        String name = request.name();
        boolean csv = CsvSources.isCsv(path);
        if (Files.isDirectory(path)) {
            Optional<LoadedData> idx = IdxSources.folder(name, path);
            return idx.orElseGet(() -> Holdout.of(name, new ImageFolderLoader().load(path,
                    ImageFolderOptions.originalSize(ColorMode.GRAYSCALE)), Scaling.ofBytes()));
        }
        if (csv) {
            return CsvSources.table(name, path, request, saved);
        }
        return Holdout.of(name, IdxSources.images(path, name), Scaling.ofBytes());
    }
}
