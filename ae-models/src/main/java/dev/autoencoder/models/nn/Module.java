package dev.autoencoder.models.nn;

import java.util.LinkedHashMap;
import java.util.Map;

/** Something with named parameters. Names follow PyTorch's {@code named_parameters()}: {@code encoder.0.weight}. */
public interface Module {
    /** The parameters by name, in a stable order. */
    Map<String, Parameter> parameters();

    /** The parameters of a layer with a weight and a bias, under PyTorch's names. */
    static Map<String, Parameter> weightAndBias(Parameter weight, Parameter bias) {
        Map<String, Parameter> p = new LinkedHashMap<>();
        p.put("weight", weight);
        p.put("bias", bias);
        return p;
    }

    /** Total number of scalar parameters. */
    default long parameterCount() {
        return parameters().values().stream().mapToLong(p -> p.shape().size()).sum();
    }
}
