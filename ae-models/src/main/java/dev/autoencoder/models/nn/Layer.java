package dev.autoencoder.models.nn;

import dev.autoencoder.api.autodiff.Var;
import java.util.Map;

/** One step of a network: a differentiable function of its input and its own parameters. */
public interface Layer extends Module {
    /** Applies the layer to {@code x} in the given pass. */
    Var forward(Var x, Forward pass);

    /** Parameterless layers have none. */
    @Override
    default Map<String, Parameter> parameters() {
        return Map.of();
    }
}
