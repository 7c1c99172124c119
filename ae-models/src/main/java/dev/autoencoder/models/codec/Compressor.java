package dev.autoencoder.models.codec;

import dev.autoencoder.data.DataFormatException;
import dev.autoencoder.data.Samples;
import dev.autoencoder.models.family.ModelSpec;
import dev.autoencoder.models.inference.Inference;
import java.nio.file.Path;
import java.util.stream.IntStream;

/**
 * Compression with a trained autoencoder: samples become a {@link CodeFile} of their codes, and a code file
 * becomes samples again, decoded only by the model that wrote it.
 */
public final class Compressor {
    private final Inference inference;

    /** Compression with the model of {@code inference}. */
    public Compressor(Inference inference) {
        this.inference = inference;
    }

    /**
     * The codes of {@code samples} stored in {@code precision}.
     *
     * @param origin where the samples come from (e.g. {@code digits test}), kept in the file
     */
    public CodeFile compress(Samples samples, Precision precision, String origin) {
        ModelSpec spec = inference.model().spec();
        int[] ids = IntStream.range(0, samples.size()).map(samples::sourceIndex).toArray();
        return new CodeFile(CodeFile.hash(spec), precision, spec.latent(), spec.inputShape(), origin, ids,
                samples.hasLabels() ? samples.labels() : null, inference.encode(samples));
    }

    /**
     * The code file {@code file}, checked and verified to come from this model.
     *
     * @throws DataFormatException when it is damaged or was written by another model
     */
    public CodeFile read(Path file) {
        CodeFile codes = CodeFile.read(file);
        if (!codes.madeBy(inference.model().spec())) {
            throw new DataFormatException(file, "was written by another model than this " + inference.model().spec().family().id()
                    + " model (its model fingerprint differs)");
        }
        return codes;
    }

    /** The decoded samples of {@code codes} (a conditional model's each under its label): {@code size x inputSize} values. */
    public float[] decompress(CodeFile codes) {
        if (!codes.madeBy(inference.model().spec())) {
            throw new IllegalArgumentException("these codes were written by another model (their model fingerprint differs)");
        }
        return inference.model().spec().classes() == 0 ? inference.decode(codes.codes())
                : inference.decode(codes.codes(), codes.labels());
    }
}
