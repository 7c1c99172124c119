package dev.autoencoder.data.mnist;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything needed to find, download and label an MNIST-like IDX dataset: its file names, the
 * folders a system package installs it to, where it is published and the SHA-256 digest of each
 * published file. {@link #FASHION_MNIST} and {@link #MNIST} are predefined; KMNIST, EMNIST and
 * others can be described with the canonical constructor.
 *
 * @param name the dataset's name, used in dataset names ({@code fashion-mnist-train}) and messages
 * @param folderName the folder looked for under {@code $AE_DATA} and used for downloads
 * @param filePrefix prepended to the standard file names (e.g. {@code emnist-digits-}), usually empty
 * @param classNames names indexed by label, or empty when labels are plain numbers
 * @param downloadBase the URL the published files are under (ends with a slash)
 * @param sha256 published SHA-256 digest (lower-case hex) of each file, keyed by file name
 * @param systemFolders folders a system package installs the files to
 * @param installHint how a user gets the files locally, shown when they are not found
 */
public record IdxDatasetSpec(String name, String folderName, String filePrefix, List<String> classNames,
        URI downloadBase, Map<String, String> sha256, List<Path> systemFolders, String installHint) {

    /**
     * Fashion-MNIST (Zalando Research, MIT licence): 28x28 grayscale clothing images, 60,000 for
     * training and 10,000 for testing. Debian's {@code dataset-fashion-mnist} package installs it to
     * {@code /usr/share/datasets/fashion-mnist}; the download comes from the project's GitHub
     * repository and is checked against the published digests.
     */
    public static final IdxDatasetSpec FASHION_MNIST = new IdxDatasetSpec("fashion-mnist", "fashion-mnist", "",
            List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag",
                    "Ankle boot"),
            URI.create("https://raw.githubusercontent.com/zalandoresearch/fashion-mnist/master/data/fashion/"),
            Map.of("train-images-idx3-ubyte.gz", "3aede38d61863908ad78613f6a32ed271626dd12800ba2636569512369268a84",
                    "train-labels-idx1-ubyte.gz", "a04f17134ac03560a47e3764e11b92fc97de4d1bfaf8ba1a3aa29af54cc90845",
                    "t10k-images-idx3-ubyte.gz", "346e55b948d973a97e58d2351dde16a484bd415d4595297633bb08f03db6a073",
                    "t10k-labels-idx1-ubyte.gz", "67da17c76eaffca5446c3361aaab5c3cd6d1c2608764d35dfb1850b086bf8dd5"),
            List.of(Path.of("/usr/share/datasets/fashion-mnist")),
            "install the Debian package dataset-fashion-mnist (apt-get install dataset-fashion-mnist), "
                    + "put the four .gz files in $AE_DATA/fashion-mnist, or download them");

    /**
     * MNIST handwritten digits (Y. LeCun, C. Cortes, C. Burges): 28x28 grayscale digits, 60,000 for
     * training and 10,000 for testing, downloaded from the mirror TensorFlow uses.
     */
    public static final IdxDatasetSpec MNIST = new IdxDatasetSpec("mnist", "mnist", "", List.of(),
            URI.create("https://storage.googleapis.com/cvdf-datasets/mnist/"),
            Map.of("train-images-idx3-ubyte.gz", "440fcabf73cc546fa21475e81ea370265605f56be210a4024d2ca8f203523609",
                    "train-labels-idx1-ubyte.gz", "3552534a0a558bbed6aed32b30c495cca23d567ec52cac8be1a0730e8010255c",
                    "t10k-images-idx3-ubyte.gz", "8d422c7b0a1c1c79245a5bcf07fe86e33eeafee792b84584aec276f5a2dbc4e6",
                    "t10k-labels-idx1-ubyte.gz", "f7ae60f92e00ec6debd23a6088c31dbd2371eca3ffa0defaefb259924204aec6"),
            List.of(),
            "put the four .gz files in $AE_DATA/mnist, or download them");

    /** Makes immutable copies of the lists and the map. */
    public IdxDatasetSpec {
        classNames = List.copyOf(classNames);
        sha256 = Map.copyOf(sha256);
        systemFolders = List.copyOf(systemFolders);
    }

    /** The published name of the images file of {@code split}, e.g. {@code train-images-idx3-ubyte.gz}. */
    public String imagesFile(IdxSplit split) {
        return filePrefix + split.filePrefix() + "-images-idx3-ubyte.gz";
    }

    /** The published name of the labels file of {@code split}, e.g. {@code train-labels-idx1-ubyte.gz}. */
    public String labelsFile(IdxSplit split) {
        return filePrefix + split.filePrefix() + "-labels-idx1-ubyte.gz";
    }

    /** The published SHA-256 digest of {@code fileName}, if known. */
    public Optional<String> sha256Of(String fileName) {
        return Optional.ofNullable(sha256.get(fileName));
    }

    /** The same dataset published under another URL (a mirror, or a local server in tests). */
    public IdxDatasetSpec withDownloadBase(URI newBase) {
        return new IdxDatasetSpec(name, folderName, filePrefix, classNames, newBase, sha256, systemFolders,
                installHint);
    }
}
