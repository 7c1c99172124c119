package dev.autoencoder.models.family;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autoencoder.data.transform.Noise;
import dev.autoencoder.models.nn.Activation;
import java.util.List;
import java.util.Optional;

/**
 * The flat model spec of format 1, which checkpoints (metadata {@code ae.spec}) and code files of earlier releases
 * hold: one layout for every family, with the fields a family does not use at their defaults. It is read into the
 * typed spec it describes, and written only to find the format-1 fingerprint of a typed spec (byte for byte what
 * the earlier release wrote for it).
 *
 * @param corruption     the denoising (and optionally the stacked) autoencoder's noise, else null
 * @param penaltyWeight  the contractive lambda, or the sparsity weight
 * @param sparsityTarget the KL sparsity target, or 0 for the L1 penalty
 */
record SpecV1(Family family, List<Integer> inputShape, List<Integer> hidden, int latent, Activation activation, Likelihood likelihood,
        Noise corruption, double penaltyWeight, double sparsityTarget, double beta, double reconstructionScale) {
    private static final ObjectMapper JSON = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    static ModelSpec read(JsonNode node) throws JsonProcessingException {
        return JSON.treeToValue(node, SpecV1.class).typed();
    }

    String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + this, e);
        }
    }

    /** The typed spec this flat one describes; what the earlier release refused to build is refused here. */
    ModelSpec typed() {
        SpecChecks.required("family", family);
        return switch (family) {
            case AE -> new AeSpec(inputShape, hidden, latent, activation, likelihood, 0);
            case STACKED_AE -> new StackedAeSpec(inputShape, hidden, latent, activation, likelihood, corruption);
            case DENOISING_AE -> new DenoisingAeSpec(inputShape, hidden, latent, activation, likelihood, corruption, 0);
            case CONTRACTIVE_AE -> {
                if (hidden != null && !hidden.isEmpty()) {
                    throw new IllegalArgumentException("the contractive autoencoder has one encoder layer; hidden sizes " + hidden
                            + " are not supported");
                }
                yield new ContractiveAeSpec(inputShape, latent, activation, likelihood, penaltyWeight);
            }
            case SPARSE_AE -> new SparseAeSpec(inputShape, hidden, latent, activation, likelihood,
                    sparsityTarget == 0 ? new Sparsity.L1(penaltyWeight) : new Sparsity.KL(sparsityTarget, penaltyWeight), 0);
            case CONV_AE -> new ConvAeSpec(inputShape, hidden, latent, activation, likelihood);
            case VAE -> new VaeSpec(inputShape, hidden, latent, activation, likelihood, beta, reconstructionScale, 0);
            case CONV_VAE -> new ConvVaeSpec(inputShape, hidden, latent, activation, likelihood, beta, reconstructionScale);
            case LSTM_AE, CONV1D_AE, CVAE, CONV_CVAE ->
                    throw new IllegalArgumentException("format 1 has no " + family.id() + " (it came with format 2)");
        };
    }

    /**
     * The flat form of {@code spec} as the earlier release wrote it: its fields under their format-1 names, and the
     * fields its family does not use at the values that release's defaults gave them (no hidden layers or noise, no
     * penalty, beta 1, the input size as reconstruction scale); empty when the spec uses what format 1 lacks
     * (dropout, the sequence and conditional families).
     */
    static Optional<SpecV1> of(ModelSpec spec) {
        if (spec.family().sequential() || spec.family().conditional()) {
            return Optional.empty();
        }
        ObjectNode fields = JSON.valueToTree(spec);
        JsonNode dropout = fields.remove("dropout");
        if (dropout != null && dropout.doubleValue() != 0) {
            return Optional.empty();
        }
        ObjectNode flat = JSON.createObjectNode().put("family", spec.family().id()).put("beta", 1.0)
                .put("reconstructionScale", (double) spec.inputSize());
        flat.putArray("hidden");
        rename(fields, "channels", "hidden");
        rename(fields, "noise", "corruption");
        rename(fields, "lambda", "penaltyWeight");
        JsonNode sparsity = fields.remove("sparsity");
        if (sparsity != null) {
            flat.set("penaltyWeight", sparsity.get("weight"));
            flat.put("sparsityTarget", sparsity.path("target").asDouble(0));
        }
        flat.setAll(fields);
        try {
            return Optional.of(JSON.treeToValue(flat, SpecV1.class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the format-1 form of " + spec + " does not read", e);
        }
    }

    private static void rename(ObjectNode node, String from, String to) {
        JsonNode value = node.remove(from);
        if (value != null) {
            node.set(to, value);
        }
    }
}
