package dev.autoencoder.models.family;

import dev.autoencoder.data.series.WindowLayout;
import dev.autoencoder.data.transform.Noise;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A model as a value: everything needed to rebuild it, serialised as JSON into checkpoints. One record per
 * family, each with exactly its own fields, checked when it is made; this interface has what every caller needs,
 * so that callers never ask which family a spec is.
 *
 * <p>The JSON (format 2) names its format and family, then the record's fields, e.g.
 * {@code {"format":2,"family":"vae","inputShape":[64],"hidden":[32,8],"latent":4,"activation":"RELU",
 * "likelihood":"BERNOULLI","beta":1.0,"reconstructionScale":64.0,"dropout":0.0}}. The flat specs of format 1
 * (no {@code format} field; one layout for every family) still read, as the typed spec they describe.
 */
public sealed interface ModelSpec permits AeSpec, StackedAeSpec, DenoisingAeSpec, ContractiveAeSpec, SparseAeSpec, ConvAeSpec,
        VariationalSpec, LstmAeSpec, Conv1dAeSpec {
    /** The autoencoder family. */
    default Family family() {
        return SpecJson.family(getClass());
    }

    /**
     * One sample's shape: {@code [features]} for MLPs, {@code [c, h, w]} for convolutional models, {@code [steps, channels]}
     * for lstm-ae, {@code [channels, steps]} for conv1d-ae.
     */
    List<Integer> inputShape();

    /** How this model takes windows of a series, when it does; empty for models of other samples. */
    default Optional<WindowLayout> windowLayout() {
        return family().windowLayout();
    }

    /**
     * Whether samples of {@code sampleShape} are inputs of this model: its input shape, or what else the model says it
     * takes (a recurrent model takes windows of any length).
     */
    default boolean takes(int[] sampleShape) {
        return Arrays.equals(sampleShape, inputShape().stream().mapToInt(Integer::intValue).toArray());
    }

    /**
     * The number of classes a conditional model's encoder and decoder read as a one-hot label beside the sample and the
     * code; 0 for models of samples alone.
     */
    default int classes() {
        return 0;
    }

    /** Code size. */
    int latent();

    /** The decoder's likelihood (Bernoulli: sigmoid + BCE; Gaussian: identity + MSE). */
    Likelihood likelihood();

    /** Elements per sample. */
    default int inputSize() {
        return inputShape().stream().reduce(1, (a, b) -> a * b);
    }

    /** The noise the model corrupts its inputs with while it trains, if any (a denoising or stacked autoencoder's). */
    default Optional<Noise> trainingNoise() {
        return Optional.empty();
    }

    /** This spec as compact JSON, in the current format. */
    default String toJson() {
        return SpecJson.write(this);
    }

    /**
     * Every JSON form this spec has been written in, the current one first, then the format-1 form where the
     * spec has one (it has none with a setting that format 1 lacked, such as dropout). What identifies a model
     * across formats, e.g. for code files written before the current format.
     */
    default List<String> jsonForms() {
        return SpecV1.of(this).map(v1 -> List.of(toJson(), v1.toJson())).orElseGet(() -> List.of(toJson()));
    }

    /** The spec written as JSON by this or an earlier release (format 2 or 1); a clear error for anything else. */
    static ModelSpec fromJson(String json) {
        return SpecJson.read(json);
    }

    /** A sensible default architecture of {@code family} for samples of {@code inputShape}. */
    static ModelSpec defaults(Family family, List<Integer> inputShape) {
        return ModelRequest.of(family).spec(inputShape);
    }
}
