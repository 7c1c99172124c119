package dev.autoencoder.models.family;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autoencoder.data.transform.Noise;
import dev.autoencoder.models.nn.Activation;
import java.util.List;

/**
 * A model as a value: everything needed to rebuild it, serialised as JSON into checkpoints.
 *
 * @param family              the autoencoder family
 * @param inputShape          one sample's shape: {@code [features]} for MLPs, {@code [c, h, w]} for convolutional models
 * @param hidden              hidden layer sizes (MLP) or channels per stride-2 convolution (convolutional), outermost first
 * @param latent              code size
 * @param activation          hidden activation
 * @param likelihood          the decoder's likelihood (Bernoulli: sigmoid + BCE; Gaussian: identity + MSE)
 * @param corruption          input noise of the denoising (and optionally the stacked) autoencoder, else null; JSON
 *                            {@code {"kind":"MASKING","level":0.3}}
 * @param penaltyWeight       lambda of the contractive penalty, or the weight of the sparsity penalty
 * @param sparsityTarget      the KL sparsity target rho, or 0 for the L1 activity penalty
 * @param beta                weight of the VAE's KL term
 * @param reconstructionScale the VAE's factor on the mean reconstruction loss (the number of data elements gives
 *                            the usual ELBO; W3 uses 500)
 */
public record ModelSpec(Family family, List<Integer> inputShape, List<Integer> hidden, int latent, Activation activation,
        Likelihood likelihood, Noise corruption, double penaltyWeight, double sparsityTarget, double beta,
        double reconstructionScale) {

    private static final ObjectMapper JSON = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public ModelSpec {
        inputShape = List.copyOf(inputShape);
        hidden = List.copyOf(hidden);
        if (latent < 1) {
            throw new IllegalArgumentException("latent size must be at least 1, got " + latent);
        }
        if (family.convolutional() != (inputShape.size() == 3)) {
            throw new IllegalArgumentException(family.id() + " needs " + (family.convolutional() ? "[channels, height, width]"
                    : "[features]") + " input, got " + inputShape);
        }
    }

    /** Elements per sample. */
    public int inputSize() {
        return inputShape.stream().reduce(1, (a, b) -> a * b);
    }

    /** A sensible default architecture of {@code family} for samples of {@code inputShape}. */
    public static ModelSpec defaults(Family family, List<Integer> inputShape) {
        int size = inputShape.stream().reduce(1, (a, b) -> a * b);
        if (family.convolutional()) {
            int h = inputShape.get(1);
            List<Integer> channels = h % 8 == 0 ? List.of(32, 64, 128) : List.of(32, 64);
            return new ModelSpec(family, inputShape, channels, 2, Activation.RELU, Likelihood.BERNOULLI, null, 0, 0, 1, size);
        }
        int h1 = Math.max(16, Math.min(512, size / 2));
        int h2 = Math.max(8, h1 / 4);
        List<Integer> hidden = family == Family.CONTRACTIVE_AE ? List.of() : List.of(h1, h2);
        int latent = family == Family.CONTRACTIVE_AE ? Math.max(8, size / 4) : Math.max(2, Math.min(32, h2 / 2));
        Noise corruption = family == Family.DENOISING_AE ? new Noise(Noise.Kind.MASKING, 0.3) : null;
        Activation activation = family == Family.CONTRACTIVE_AE ? Activation.SIGMOID : Activation.RELU;
        double penalty = switch (family) {
            case CONTRACTIVE_AE -> 0.1;
            case SPARSE_AE -> 0.01;
            default -> 0;
        };
        double target = family == Family.SPARSE_AE ? 0.05 : 0;
        return new ModelSpec(family, inputShape, hidden, latent, activation, Likelihood.BERNOULLI, corruption, penalty, target, 1, size);
    }

    /** This spec as compact JSON. */
    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + this, e);
        }
    }

    /** The spec written by {@link #toJson()}; a clear error for anything else. */
    public static ModelSpec fromJson(String json) {
        try {
            return JSON.readValue(json, ModelSpec.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a model spec: " + e.getOriginalMessage(), e);
        }
    }
}
