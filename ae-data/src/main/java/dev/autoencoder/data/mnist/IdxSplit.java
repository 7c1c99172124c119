package dev.autoencoder.data.mnist;

/** The two published parts of an MNIST-like dataset, named by the prefix of their files. */
public enum IdxSplit {
    /** The training part: {@code train-images-idx3-ubyte.gz} and {@code train-labels-idx1-ubyte.gz}. */
    TRAIN("train"),
    /** The test part: {@code t10k-images-idx3-ubyte.gz} and {@code t10k-labels-idx1-ubyte.gz}. */
    TEST("t10k");

    private final String filePrefix;

    IdxSplit(String filePrefix) {
        this.filePrefix = filePrefix;
    }

    /** The prefix of this part's file names ({@code train} or {@code t10k}). */
    public String filePrefix() {
        return filePrefix;
    }
}
