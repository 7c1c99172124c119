package dev.autoencoder.models.optim;

import dev.autoencoder.api.Tensor;
import dev.autoencoder.api.TensorBackend;
import dev.autoencoder.models.nn.Parameter;
import java.util.LinkedHashMap;
import java.util.Map;

/** Gradient-norm clipping, as PyTorch's {@code clip_grad_norm_}: all gradients scaled together. */
public final class GradientClipping {
    private GradientClipping() {
    }

    /** The global L2 norm of all gradients. */
    public static double globalNorm(Map<Parameter, Tensor> gradients) {
        double sq = 0;
        for (Tensor g : gradients.values()) {
            TensorBackend b = g.backend();
            sq += b.toDoubles(b.sumOfSquares(g))[0];
        }
        return Math.sqrt(sq);
    }

    /** The gradients scaled by {@code min(1, maxNorm / (norm + 1e-6))}, given their global norm. */
    public static Map<Parameter, Tensor> clip(Map<Parameter, Tensor> gradients, double norm, double maxNorm) {
        double scale = maxNorm / (norm + 1e-6);
        if (scale >= 1) {
            return gradients;
        }
        Map<Parameter, Tensor> out = new LinkedHashMap<>();
        gradients.forEach((p, g) -> out.put(p, g.backend().mul(g, g.backend().scalar(scale, g.dtype()))));
        return out;
    }
}
