package dev.autoencoder.tests.models;

import dev.autoencoder.models.family.ModelSpec;
import java.util.Map;

/**
 * One model of the zoo as the golden fixtures hold it: ae's parameters, batch and noise seed, and what PyTorch
 * computed from them in one dtype.
 *
 * @param name           the zoo entry
 * @param spec           the model
 * @param parameters     every parameter's values in F64, by ae's (PyTorch's) name
 * @param batch          the batch, row-major, in F64
 * @param noiseSeed      the seed of ae's generator for the training pass's noise
 * @param terms          PyTorch's loss terms of that pass, and {@code total}
 * @param gradients      PyTorch's gradient of the total for every parameter
 * @param reconstruction PyTorch's reconstruction of the batch (inference)
 * @param code           PyTorch's code of the batch (inference)
 */
public record GoldenModel(String name, ModelSpec spec, Map<String, double[]> parameters, double[] batch, long noiseSeed,
        Map<String, Double> terms, Map<String, double[]> gradients, double[] reconstruction, double[] code) {
    @Override
    public String toString() {
        return name;
    }
}
