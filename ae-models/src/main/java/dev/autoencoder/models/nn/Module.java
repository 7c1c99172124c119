package dev.autoencoder.models.nn;

import java.util.Map;

/** Something with named parameters. Names follow PyTorch's {@code named_parameters()}: {@code encoder.0.weight}. */
public interface Module {
    /** The parameters by name, in a stable order. */
    Map<String, Parameter> parameters();

    /** Total number of scalar parameters. */
    default long parameterCount() {
        return parameters().values().stream().mapToLong(p -> p.shape().size()).sum();
    }
}
