package dev.autoencoder.models.nn;

import dev.autoencoder.api.autodiff.Var;

/**
 * Keeps the batch dimension and reshapes each sample to {@code sampleDims}: {@code Reshape.flatten()} is PyTorch's
 * {@code Flatten}, {@code new Reshape(128, 4, 4)} its {@code Unflatten(1, (128, 4, 4))}.
 *
 * @param sampleDims the dimensions of one sample after the layer; a single {@code -1} means "all of them"
 */
public record Reshape(int... sampleDims) implements Layer {
    public Reshape {
        sampleDims = sampleDims.clone();
    }

    /** Flattens every sample to one dimension. */
    public static Reshape flatten() {
        return new Reshape(-1);
    }

    @Override
    public Var forward(Var x, Forward pass) {
        int n = x.shape().dim(0);
        if (sampleDims.length == 1 && sampleDims[0] == -1) {
            return x.reshape(n, x.shape().size() / Math.max(n, 1));
        }
        int[] dims = new int[sampleDims.length + 1];
        dims[0] = n;
        System.arraycopy(sampleDims, 0, dims, 1, sampleDims.length);
        return x.reshape(dims);
    }
}
