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
        int[] inputShape = input.sampleShape();
        int[] outputShape = outputShape(inputShape);
        int inSize = input.sampleSize();
        int outSize = SampleShapes.size(outputShape);
        float[] out = new float[Math.multiplyExact(input.size(), outSize)];
        float[] sample = new float[inSize];
        for (int i = 0; i < input.size(); i++) {
            input.copySample(i, sample, 0);
            transformSample(sample, 0, out, i * outSize, inputShape);
        }
        return new Dataset(input.name(), out, outputShape, input.hasLabels() ? input.labels() : null,
                input.classNames());
    }
}
