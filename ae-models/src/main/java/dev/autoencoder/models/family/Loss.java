package dev.autoencoder.models.family;

import dev.autoencoder.api.autodiff.Var;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A training objective's value: the scalar that is minimised and every term it is made of, so that each can
 * be reported per epoch.
 *
 * @param total the scalar to minimise
 * @param terms named scalar terms (reconstruction, kl, penalty...), in report order
 */
public record Loss(Var total, Map<String, Var> terms) {
    public Loss {
        terms = Collections.unmodifiableMap(new LinkedHashMap<>(terms));
    }

    /** A loss that is a single reconstruction term. */
    public static Loss reconstruction(Var reconstruction) {
        return new Loss(reconstruction, Map.of("reconstruction", reconstruction));
    }

    /** {@code reconstruction + penalty} under the given penalty name. */
    public static Loss penalised(Var reconstruction, String penaltyName, Var penalty) {
        Map<String, Var> terms = new LinkedHashMap<>();
        terms.put("reconstruction", reconstruction);
        terms.put(penaltyName, penalty);
        return new Loss(reconstruction.add(penalty), terms);
    }
}
