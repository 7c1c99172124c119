package dev.autoencoder.models.family;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autoencoder.data.transform.Noise;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The spec's JSON, as checkpoints hold it: the noise keeps the shape checkpoints written before it was shared. */
class ModelSpecJsonTest {
    /** A denoising spec as checkpoints written with the models module's own corruption type hold it. */
    private static final String EARLIER = "{\"family\":\"denoising-ae\",\"inputShape\":[64],\"hidden\":[32,8],\"latent\":4,"
            + "\"activation\":\"RELU\",\"likelihood\":\"BERNOULLI\",\"corruption\":{\"kind\":\"SALT_AND_PEPPER\",\"level\":0.2},"
            + "\"penaltyWeight\":0.0,\"sparsityTarget\":0.0,\"beta\":1.0,\"reconstructionScale\":64.0}";

    @Test
    void earlierCheckpointsSpecsStillRead() {
        ModelSpec spec = ModelSpec.fromJson(EARLIER);
        assertEquals(new Noise(Noise.Kind.SALT_AND_PEPPER, 0.2), spec.corruption());
        assertEquals(List.of(32, 8), spec.hidden());
        assertEquals(EARLIER, spec.toJson(), "written back exactly as it was");
    }

    @Test
    void theNoiseIsWrittenByKindAndLevel() {
        ModelSpec spec = ModelSpec.defaults(Family.DENOISING_AE, List.of(64));
        assertTrue(spec.toJson().contains("\"corruption\":{\"kind\":\"MASKING\",\"level\":0.3}"), spec.toJson());
        assertEquals(spec, ModelSpec.fromJson(spec.toJson()));
        assertNull(ModelSpec.fromJson(ModelSpec.defaults(Family.AE, List.of(64)).toJson()).corruption());
    }

    @Test
    void anInvalidNoiseIsRefused() {
        String bad = EARLIER.replace("\"level\":0.2", "\"level\":1.5");
        assertThrows(IllegalArgumentException.class, () -> ModelSpec.fromJson(bad));
    }
}
