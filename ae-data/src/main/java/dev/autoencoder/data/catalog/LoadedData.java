package dev.autoencoder.data.catalog;

import dev.autoencoder.data.Dataset;

/**
 * Data scaled to [0, 1] in its own sample shape ({@code {C, H, W}} images, {@code {F}} rows, {@code {C, L}}
 * windows), split into a part to train on and a part to test on.
 *
 * @param name    short name for folder names and titles ({@code digits}, {@code fashion-mnist}, a file's name)
 * @param train   the training part (the trainer holds out its validation split from it)
 * @param test    the test part: the dataset's own test files, else a fixed 20% held out
 * @param scaling how the raw values were scaled
 */
public record LoadedData(String name, Dataset train, Dataset test, Scaling scaling) {
    /**
     * {@code train} and {@code test} (raw values) scaled by {@code scaling}, in their own arrays: the caller gives them
     * up, so that the pixels of a large dataset are held once, not twice.
     */
    public static LoadedData scaled(String name, Dataset train, Dataset test, Scaling scaling) {
        return new LoadedData(name, scaling.transform().applyInPlace(train), scaling.transform().applyInPlace(test),
                scaling);
    }

    /** Whether the samples are images ({@code {C, H, W}}), which the PNG writers can draw. */
    public boolean images() {
        return train.sampleShape().length == 3;
    }
}
