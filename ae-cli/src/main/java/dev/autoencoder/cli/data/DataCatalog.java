package dev.autoencoder.cli.data;

import dev.autoencoder.data.DataFormatException;
import dev.autoencoder.data.DataNotFoundException;
import dev.autoencoder.data.Dataset;
import dev.autoencoder.data.SeededRandom;
import dev.autoencoder.data.batch.Splits;
import dev.autoencoder.data.bundled.BundledDigits;
import dev.autoencoder.data.csv.ColumnRef;
import dev.autoencoder.data.csv.CsvLoader;
import dev.autoencoder.data.csv.CsvOptions;
import dev.autoencoder.data.idx.IdxDatasetLoader;
import dev.autoencoder.data.image.ColorMode;
import dev.autoencoder.data.image.ImageFolderLoader;
import dev.autoencoder.data.image.ImageFolderOptions;
import dev.autoencoder.data.mnist.IdxDatasetRepository;
import dev.autoencoder.data.mnist.IdxDatasetSpec;
import dev.autoencoder.data.mnist.IdxSplit;
import dev.autoencoder.data.series.SlidingWindows;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Loads what {@code --data} names, scaled to [0, 1] and split into training and test parts. Named datasets and
 * IDX folders bring their own test files; every other source holds out a fixed 20% (the same whatever the seed,
 * so that every command sees the same test part). Pixels are scaled by their known range (digits 0..16, 8-bit
 * images 0..255); CSV columns by their minimum and maximum on the training part, or by a scaling saved with a
 * model, so that new data is scaled as its training data was.
 */
public final class DataCatalog {
    /** Share of a source without test files held out for testing. */
    public static final double TEST_FRACTION = 0.2;
    private static final long HOLDOUT_SEED = 0x7E57L;
    private static final List<String> CSV_SUFFIXES = List.of(".csv", ".tsv", ".txt");

    /** Loads {@code request}; a CSV source uses {@code saved} scaling when given, else fits its own. */
    public LoadedData load(DataRequest request, Optional<Scaling> saved) {
        String source = request.source().trim();
        switch (source) {
            case DataRequest.DIGITS:
                return holdout(DataRequest.DIGITS, BundledDigits.load(), Scaling.ofRange(0, BundledDigits.MAX_PIXEL));
            case DataRequest.FASHION_MNIST:
                return idx(source, IdxDatasetRepository.fashionMnist(null));
            case DataRequest.MNIST:
                return idx(source, IdxDatasetRepository.of(IdxDatasetSpec.MNIST, null));
            default:
                return loadPath(Path.of(source), request, saved);
        }
    }

    private LoadedData loadPath(Path path, DataRequest request, Optional<Scaling> saved) {
        if (!Files.exists(path)) {
            throw new DataNotFoundException(path, "no such file or folder (--data takes digits, fashion-mnist, mnist or a path)");
        }
        String name = request.name();
        if (request.window() != null && !isCsv(path)) {
            throw new DataFormatException(path, "--window cuts a time series from a CSV file, but this is not a .csv file");
        }
        if (Files.isDirectory(path)) {
            Optional<Path> trainImages = idxFile(path, "train-images-idx3-ubyte");
            if (trainImages.isPresent()) {
                return idxFolder(name, path, trainImages.get());
            }
            Dataset images = new ImageFolderLoader().load(path, ImageFolderOptions.originalSize(ColorMode.GRAYSCALE));
            return holdout(name, images, Scaling.ofRange(0, 255));
        }
        if (isCsv(path)) {
            return request.window() != null ? series(name, path, request, saved) : csv(name, path, request, saved);
        }
        return holdout(name, idxImages(path, name), Scaling.ofRange(0, 255));
    }

    private static LoadedData idx(String name, IdxDatasetRepository repository) {
        Scaling scaling = Scaling.ofRange(0, 255);
        return scaled(name, repository.load(IdxSplit.TRAIN), repository.load(IdxSplit.TEST), scaling);
    }

    private static LoadedData idxFolder(String name, Path folder, Path trainImages) {
        Dataset train = idxImages(trainImages, name + "-train");
        Optional<Path> testImages = idxFile(folder, "t10k-images-idx3-ubyte");
        Scaling scaling = Scaling.ofRange(0, 255);
        if (testImages.isEmpty()) {
            return holdout(name, train, scaling);
        }
        return scaled(name, train, idxImages(testImages.get(), name + "-test"), scaling);
    }

    /** An IDX images file, labelled by the labels file beside it when there is one. */
    private static Dataset idxImages(Path images, String name) {
        String file = images.getFileName().toString();
        Optional<Path> labels = Optional.empty();
        if (file.contains("-images-idx3-ubyte")) {
            String labelsName = file.replace("-images-idx3-ubyte", "-labels-idx1-ubyte").replaceFirst("\\.gz$", "");
            labels = idxFile(images.toAbsolutePath().getParent(), labelsName);
        }
        IdxDatasetLoader loader = new IdxDatasetLoader();
        return labels.isPresent() ? loader.load(images, labels.get(), name, List.of()) : loader.loadUnlabeled(images, name);
    }

    /** {@code folder/name.gz} or {@code folder/name}, whichever exists. */
    private static Optional<Path> idxFile(Path folder, String name) {
        return java.util.stream.Stream.of(folder.resolve(name + ".gz"), folder.resolve(name)).filter(Files::isRegularFile)
                .findFirst();
    }

    private static LoadedData csv(String name, Path file, DataRequest request, Optional<Scaling> saved) {
        Dataset rows = new CsvLoader().load(file, csvOptions(request));
        Splits parts = holdoutSplits(rows);
        Scaling scaling = saved.orElseGet(() -> Scaling.fitPerFeature(parts.train()));
        requireFeatures(file, rows, scaling);
        return scaled(name, parts.train().toDataset(), parts.test().toDataset(), scaling);
    }

    /** A time series: steps split in time order (the future never trains), scaled per column, then windowed. */
    private static LoadedData series(String name, Path file, DataRequest request, Optional<Scaling> saved) {
        Dataset steps = new CsvLoader().load(file, csvOptions(request));
        SlidingWindows windows = new SlidingWindows(request.window(), request.effectiveStride());
        Splits parts = Splits.inOrder(steps, 0, TEST_FRACTION);
        if (windows.windowCount(parts.test().size()) == 0) {
            throw new DataFormatException(file, "has " + steps.size() + " rows; its last " + parts.test().size()
                    + " (the test part) are fewer than one window of " + request.window() + " steps");
        }
        Scaling scaling = saved.orElseGet(() -> Scaling.fitPerFeature(parts.train()));
        requireFeatures(file, steps, scaling);
        Dataset train = windows.apply(scaling.transform().apply(parts.train()));
        Dataset test = windows.apply(scaling.transform().apply(parts.test()));
        return new LoadedData(name, train, test, scaling);
    }

    private static CsvOptions csvOptions(DataRequest request) {
        CsvOptions options = CsvOptions.defaults();
        String label = request.labelColumn();
        if (label == null) {
            return options;
        }
        return options.withLabelColumn(label.matches("-?\\d+") ? ColumnRef.index(Integer.parseInt(label)) : ColumnRef.named(label));
    }

    private static void requireFeatures(Path file, Dataset rows, Scaling scaling) {
        if (scaling.features() != 1 && scaling.features() != rows.sampleSize()) {
            throw new DataFormatException(file, "has " + rows.sampleSize() + " feature columns but the model was trained on "
                    + scaling.features());
        }
    }

    private static LoadedData holdout(String name, Dataset all, Scaling scaling) {
        Splits parts = holdoutSplits(all);
        return scaled(name, parts.train().toDataset(), parts.test().toDataset(), scaling);
    }

    private static Splits holdoutSplits(Dataset all) {
        return Splits.shuffled(all, 0, TEST_FRACTION, SeededRandom.of(HOLDOUT_SEED));
    }

    private static LoadedData scaled(String name, Dataset train, Dataset test, Scaling scaling) {
        return new LoadedData(name, scaling.transform().apply(train), scaling.transform().apply(test), scaling);
    }

    private static boolean isCsv(Path path) {
        String file = path.getFileName().toString().toLowerCase(Locale.ROOT).replaceFirst("\\.gz$", "");
        return CSV_SUFFIXES.stream().anyMatch(file::endsWith);
    }
}
