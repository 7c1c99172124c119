package dev.autoencoder.models.optim;

import dev.autoencoder.api.AdamCoefficients;
import dev.autoencoder.api.AdamUpdate;
import dev.autoencoder.api.Tensor;
import dev.autoencoder.api.TensorBackend;
import dev.autoencoder.models.nn.Parameter;
import java.util.List;
import java.util.Map;

/**
 * Adam (Kingma and Ba 2015) and AdamW (Loshchilov and Hutter 2019), computed as PyTorch does:
 * {@code m = b1 m + (1-b1) g; v = b2 v + (1-b2) g^2; p = p - (lr / (1-b1^t)) m / (sqrt(v) / sqrt(1-b2^t) + eps)}.
 * Adam adds L2 decay to the gradient; AdamW first shrinks the parameter by {@code 1 - lr wd}.
 */
public final class Adam extends Optimizer {
    private final double beta1;
    private final double beta2;
    private final double eps;
    private final double weightDecay;
    private final boolean decoupled;

    private Adam(Map<String, Parameter> parameters, double beta1, double beta2, double eps, double weightDecay, boolean decoupled) {
        super(parameters);
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.eps = eps;
        this.weightDecay = weightDecay;
        this.decoupled = decoupled;
    }

    /** Adam with PyTorch's defaults (betas 0.9/0.999, eps 1e-8) and L2 weight decay {@code wd}. */
    public static Adam adam(Map<String, Parameter> parameters, double weightDecay) {
        return new Adam(parameters, 0.9, 0.999, 1e-8, weightDecay, false);
    }

    /** AdamW with PyTorch's defaults and decoupled weight decay {@code wd} (PyTorch's default is 0.01). */
    public static Adam adamW(Map<String, Parameter> parameters, double weightDecay) {
        return new Adam(parameters, 0.9, 0.999, 1e-8, weightDecay, true);
    }

    /** Adam or AdamW with explicit hyper-parameters. */
    public static Adam of(Map<String, Parameter> parameters, double beta1, double beta2, double eps, double weightDecay,
            boolean decoupled) {
        return new Adam(parameters, beta1, beta2, eps, weightDecay, decoupled);
    }

    @Override
    protected List<String> slotNames() {
        return List.of("exp_avg", "exp_avg_sq");
    }

    @Override
    protected void update(Parameter p, Tensor g, double lr, Slots slots) {
        TensorBackend b = g.backend();
        var dt = g.dtype();
        Tensor param = p.value();
        Tensor grad = g;
        if (weightDecay != 0 && decoupled) {
            param = b.mul(param, b.scalar(1 - lr * weightDecay, dt));
        } else if (weightDecay != 0) {
            grad = b.add(grad, b.mul(param, b.scalar(weightDecay, dt)));
        }
        Tensor m = slots.get("exp_avg");
        Tensor v = slots.get("exp_avg_sq");
        AdamUpdate u = b.adamStepInPlace(param, grad, m == null ? b.zeros(grad.shape(), dt) : m,
                v == null ? b.zeros(grad.shape(), dt) : v, AdamCoefficients.atStep(lr, beta1, beta2, eps, slots.step()));
        slots.put("exp_avg", u.m());
        slots.put("exp_avg_sq", u.v());
        slots.setParameter(u.param());
    }
}
