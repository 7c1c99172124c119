package dev.autoencoder.api.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autoencoder.api.BackendNotFoundException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BackendSelectorTest {
    private static final BackendCandidate PURE = new BackendCandidate("pure", 0, true, "");
    private static final BackendCandidate ND4J = new BackendCandidate("nd4j", 20, true, "");
    private static final BackendCandidate DJL_MISSING = new BackendCandidate("djl", 30, false, "libtorch not found");

    @Test
    void zeroBackendsNamesTheArtifactsToAdd() {
        var e = assertThrows(BackendNotFoundException.class, () -> BackendSelector.select(List.of(), Optional.empty()));
        assertTrue(e.getMessage().contains("ae-backend-pure"), e.getMessage());
    }

    @Test
    void oneBackendIsChosen() {
        assertEquals("pure", BackendSelector.select(List.of(PURE), Optional.empty()).name());
    }

    @Test
    void highestAvailablePriorityWins() {
        var s = BackendSelector.select(List.of(PURE, ND4J, DJL_MISSING), Optional.empty());
        assertEquals("nd4j", s.name());
        assertTrue(s.reason().contains("highest priority"), s.reason());
    }

    @Test
    void explicitChoiceWinsOverPriority() {
        var s = BackendSelector.select(List.of(PURE, ND4J), Optional.of(new BackendRequest("pure", "--backend")));
        assertEquals("pure", s.name());
        assertTrue(s.reason().contains("--backend"));
    }

    @Test
    void unknownNameListsWhatIsThere() {
        var e = assertThrows(BackendNotFoundException.class, () -> BackendSelector.select(List.of(PURE, ND4J),
                Optional.of(new BackendRequest("cuda", "system property ae.backend"))));
        assertTrue(e.getMessage().contains("'cuda'") && e.getMessage().contains("nd4j, pure")
                && e.getMessage().contains("ae.backend"), e.getMessage());
    }

    @Test
    void explicitlyRequestedButUnavailableSaysWhy() {
        var e = assertThrows(BackendNotFoundException.class, () -> BackendSelector.select(List.of(PURE, DJL_MISSING),
                Optional.of(new BackendRequest("djl", "--backend"))));
        assertTrue(e.getMessage().contains("libtorch not found"), e.getMessage());
    }

    @Test
    void aTieIsAnError() {
        var twin = new BackendCandidate("other", 20, true, "");
        var e = assertThrows(BackendNotFoundException.class, () -> BackendSelector.select(List.of(ND4J, twin, PURE), Optional.empty()));
        assertTrue(e.getMessage().contains("share priority 20"), e.getMessage());
    }

    @Test
    void requestSourcesAreConsultedInOrder() {
        Map<String, String> props = Map.of("ae.backend", "nd4j");
        Map<String, String> env = Map.of("AE_BACKEND", "djl");
        assertEquals("pure", BackendRequest.resolve("pure", props::get, env::get).orElseThrow().name());
        assertEquals("nd4j", BackendRequest.resolve(null, props::get, env::get).orElseThrow().name());
        assertEquals("djl", BackendRequest.resolve(" ", k -> null, env::get).orElseThrow().name());
        assertTrue(BackendRequest.resolve(null, k -> null, k -> null).isEmpty());
    }
}
