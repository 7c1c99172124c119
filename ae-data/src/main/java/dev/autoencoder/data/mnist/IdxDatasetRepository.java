package dev.autoencoder.data.mnist;

import dev.autoencoder.data.DataException;
import dev.autoencoder.data.DataNotFoundException;
import dev.autoencoder.data.Dataset;
import dev.autoencoder.data.idx.IdxDatasetLoader;
import dev.autoencoder.data.io.Downloader;
import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Loads the parts of an MNIST-like dataset such as Fashion-MNIST: from local files when a
 * {@link DatasetLocator} finds them, otherwise (only when asked) by downloading the published files
 * and verifying their SHA-256 digests first. Locally found files are validated as IDX but not
 * hashed, because repackaged copies (Debian re-compresses them) have other digests.
 */
public final class IdxDatasetRepository {
    private final IdxDatasetSpec spec;
    private final DatasetLocator locator;
    private final Downloader downloader;
    private final IdxDatasetLoader loader = new IdxDatasetLoader();

    /** A repository for {@code spec} searching with {@code locator} and downloading with {@code downloader}. */
    public IdxDatasetRepository(IdxDatasetSpec spec, DatasetLocator locator, Downloader downloader) {
        this.spec = spec;
        this.locator = locator;
        this.downloader = downloader;
    }

    /**
     * The usual repository: searches {@code userFolder} (may be null), {@code $AE_DATA} and the
     * system folders, and downloads with default timeouts.
     */
    public static IdxDatasetRepository of(IdxDatasetSpec spec, Path userFolder) {
        return new IdxDatasetRepository(spec, DatasetLocator.standard(spec, userFolder), new Downloader());
    }

    /** Fashion-MNIST, searched in {@code userFolder} (may be null), {@code $AE_DATA} and Debian's folder. */
    public static IdxDatasetRepository fashionMnist(Path userFolder) {
        return of(IdxDatasetSpec.FASHION_MNIST, userFolder);
    }

    /**
     * Loads {@code split} from local files.
     *
     * @throws DataNotFoundException when no searched folder has the files; the message lists the
     *     folders and says how to get them
     * @throws DataException when the files are malformed
     */
    public Dataset load(IdxSplit split) {
        SplitFiles files = locator.find(split).orElseThrow(() -> new DataNotFoundException(
                spec.name() + " " + split.filePrefix(),
                "files " + spec.imagesFile(split) + " and " + spec.labelsFile(split) + " not found in any of "
                        + locator.searchFolders() + "; " + spec.installHint()));
        return loader.load(files.images(), files.labels(), datasetName(split), spec.classNames());
    }

    /** Loads {@code split} from local files, downloading and verifying them first when none are found. */
    public Dataset loadOrDownload(IdxSplit split) {
        SplitFiles files = locator.find(split).orElseGet(() -> download(split));
        return loader.load(files.images(), files.labels(), datasetName(split), spec.classNames());
    }

    /**
     * Downloads both files of {@code split} to the locator's download folder and verifies them
     * against the published SHA-256 digests (files already there and verified are kept).
     *
     * @throws dev.autoencoder.data.ChecksumMismatchException when a file does not match its digest
     * @throws DataException when the download fails or no digest is known for a file
     */
    public SplitFiles download(IdxSplit split) {
        Path folder = locator.downloadFolder();
        return new SplitFiles(fetch(spec.imagesFile(split), folder), fetch(spec.labelsFile(split), folder));
    }

    private Path fetch(String fileName, Path folder) {
        URI source = spec.downloadBase().resolve(fileName);
        String digest = spec.sha256Of(fileName).orElseThrow(() -> DataException.ofSource(source.toString(),
                "no published SHA-256 digest is known for this file, refusing to download it unverified", null));
        return downloader.download(source, folder.resolve(fileName), digest);
    }

    private String datasetName(IdxSplit split) {
        return spec.name() + "-" + split.name().toLowerCase(Locale.ROOT);
    }
}
