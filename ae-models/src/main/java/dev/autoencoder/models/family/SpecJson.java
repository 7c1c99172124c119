package dev.autoencoder.models.family;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The JSON of model specs. Format 2: {@code format} and {@code family}, then the family's record with every
 * field present (null where a field is optional) and no other. Format 1 (no {@code format} field) is the flat spec
 * of earlier releases, read by {@link SpecV1}.
 */
final class SpecJson {
    /** The format written. */
    static final int FORMAT = 2;

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES, DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private SpecJson() {
    }

    static String write(ModelSpec spec) {
        ObjectNode node = JSON.createObjectNode().put("format", FORMAT).put("family", spec.family().id());
        node.setAll((ObjectNode) JSON.valueToTree(spec));
        return node.toString();
    }

    static ModelSpec read(String json) {
        try {
            JsonNode tree = JSON.readTree(json);
            if (!(tree instanceof ObjectNode node)) {
                throw new IllegalArgumentException("not a model spec: not a JSON object");
            }
            JsonNode format = node.remove("format");
            if (format == null) {
                return SpecV1.read(node);
            }
            if (!format.isInt() || format.intValue() != FORMAT) {
                throw new IllegalArgumentException("not a model spec this release reads: format " + format + " (it reads 1 and "
                        + FORMAT + ")");
            }
            JsonNode family = node.remove("family");
            if (family == null || !family.isTextual()) {
                throw new IllegalArgumentException("not a model spec: it names no family");
            }
            return JSON.treeToValue(node, type(Family.of(family.textValue())));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a model spec: " + e.getOriginalMessage(), e);
        }
    }

    /** The family whose specs are records of {@code type}. */
    static Family family(Class<? extends ModelSpec> type) {
        for (Family family : Family.values()) {
            if (type(family) == type) {
                return family;
            }
        }
        throw new IllegalStateException(type + " is the spec of no family");
    }

    /** The record of {@code family}'s specs. */
    private static Class<? extends ModelSpec> type(Family family) {
        return switch (family) {
            case AE -> AeSpec.class;
            case STACKED_AE -> StackedAeSpec.class;
            case DENOISING_AE -> DenoisingAeSpec.class;
            case CONTRACTIVE_AE -> ContractiveAeSpec.class;
            case SPARSE_AE -> SparseAeSpec.class;
            case CONV_AE -> ConvAeSpec.class;
            case VAE -> VaeSpec.class;
            case CONV_VAE -> ConvVaeSpec.class;
            case CVAE -> CvaeSpec.class;
            case CONV_CVAE -> ConvCvaeSpec.class;
            case LSTM_AE -> LstmAeSpec.class;
            case CONV1D_AE -> Conv1dAeSpec.class;
        };
    }
}
