package dev.autoencoder.api.discovery;

import dev.autoencoder.api.BackendNotFoundException;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The selection rules, as data in and a decision out: a requested name wins if that backend is present and
 * available; otherwise the available backend with the highest priority; a tie for the highest priority, an
 * unknown name and an empty classpath are errors that say what to do.
 */
public final class BackendSelector {
    /** The artifacts a user can add, named in the error for an empty classpath. */
    public static final String ARTIFACTS =
            "dev.autoencoder:ae-backend-pure (plain Java), ae-backend-nd4j (ND4J) or ae-backend-djl (PyTorch via DJL)";

    private BackendSelector() {
    }

    /** Chooses among {@code candidates}, honouring {@code request} when present. */
    public static BackendSelection select(List<BackendCandidate> candidates, Optional<BackendRequest> request) {
        if (candidates.isEmpty()) {
            throw new BackendNotFoundException("no tensor backend on the classpath: add " + ARTIFACTS);
        }
        if (request.isPresent()) {
            return selectNamed(candidates, request.get());
        }
        List<BackendCandidate> available = candidates.stream().filter(BackendCandidate::available)
                .sorted(Comparator.comparingInt(BackendCandidate::priority).reversed()).toList();
        if (available.isEmpty()) {
            throw new BackendNotFoundException("no tensor backend can run here: " + candidates.stream()
                    .map(c -> c.name() + " (" + c.unavailableReason() + ")").collect(Collectors.joining(", ")));
        }
        BackendCandidate best = available.get(0);
        if (available.size() > 1 && available.get(1).priority() == best.priority()) {
            throw new BackendNotFoundException("backends '" + best.name() + "' and '" + available.get(1).name()
                    + "' share priority " + best.priority() + "; choose one with --backend, -D"
                    + BackendRequest.PROPERTY + " or " + BackendRequest.ENVIRONMENT);
        }
        String reason = available.size() == 1 ? "the only available backend"
                : "highest priority (" + best.priority() + ") among " + names(available);
        return new BackendSelection(best.name(), reason);
    }

    private static BackendSelection selectNamed(List<BackendCandidate> candidates, BackendRequest request) {
        BackendCandidate match = candidates.stream().filter(c -> c.name().equals(request.name())).findFirst()
                .orElseThrow(() -> new BackendNotFoundException("unknown backend '" + request.name() + "' (from "
                        + request.source() + "); on the classpath: " + names(candidates)));
        if (!match.available()) {
            throw new BackendNotFoundException("backend '" + match.name() + "' (from " + request.source()
                    + ") cannot run here: " + match.unavailableReason());
        }
        return new BackendSelection(match.name(), "requested by " + request.source());
    }

    private static String names(List<BackendCandidate> candidates) {
        return candidates.stream().map(BackendCandidate::name).sorted().collect(Collectors.joining(", "));
    }
}
