package dev.autoencoder.data.transform;

import dev.autoencoder.data.Dataset;
import dev.autoencoder.data.SampleShapes;
import dev.autoencoder.data.Samples;

/**
 * A deterministic per-sample transform (scaling, standardising, padding, downscaling). It may change
 * the sample shape; applying it to samples produces a new dataset and leaves the input untouched.
 * Transforms whose parameters are fitted (such as a standardiser) are fitted on the training split
 * and then applied unchanged to every split.
 */
public interface Transform {

    /**
     * The sample shape produced from samples of {@code inputShape}.
     *
     * @throws IllegalArgumentException when this transform cannot take that shape
     */
    int[] outputShape(int[] inputShape);

    /**
     * Transforms one sample read from {@code in[inOffset...]} into {@code out[outOffset...]}.
     * {@code inputShape} has been accepted by {@link #outputShape}.
     */
    void transformSample(float[] in, int inOffset, float[] out, int outOffset, int[] inputShape);

    /** A new dataset holding every sample of {@code input} transformed, with the same labels and name. */
    default Dataset apply(Samples input) {
        int outSize = SampleShapes.size(outputShape(input.sampleShape()));
        return transformInto(input, new float[Math.multiplyExact(input.size(), outSize)]);
    }

    /**
     * {@code input} transformed, written over its own array when the transform keeps the sample size (else as
     * {@link #apply}), so that a large dataset is never held twice while it is scaled. The caller gives
     * {@code input} up: its values change.
     */
    default Dataset applyInPlace(Dataset input) {
        boolean sameSize = SampleShapes.size(outputShape(input.sampleShape())) == input.sampleSize();
        return sameSize ? transformInto(input, input.data()) : apply(input);
    }

    /**
     * Every sample of {@code input} transformed into {@code out}, as a dataset with the same labels and name. Each
     * sample is copied out before its result is written, so {@code out} may be the input's own array.
     */
    private Dataset transformInto(Samples input, float[] out) {
        int[] inputShape = input.sampleShape();
        int[] outputShape = outputShape(inputShape);
        int outSize = SampleShapes.size(outputShape);
        float[] sample = new float[input.sampleSize()];
        for (int i = 0; i < input.size(); i++) {
            input.copySample(i, sample, 0);
            transformSample(sample, 0, out, i * outSize, inputShape);
        }
        return new Dataset(input.name(), out, outputShape, input.hasLabels() ? input.labels() : null,
                input.classNames());
    }
}
