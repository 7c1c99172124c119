package dev.autoencoder.models.optim;

import dev.autoencoder.api.Tensor;
import dev.autoencoder.api.TensorBackend;
import dev.autoencoder.models.nn.Parameter;
import java.util.List;
import java.util.Map;

/**
 * Stochastic gradient descent with momentum and L2 weight decay, as PyTorch's {@code SGD} (no dampening):
 * {@code g' = g + wd p; buf = mu buf + g' (buf = g' at first); p = p - lr buf}.
 */
public final class Sgd extends Optimizer {
    private final double momentum;
    private final double weightDecay;

    public Sgd(Map<String, Parameter> parameters, double momentum, double weightDecay) {
        super(parameters);
        this.momentum = momentum;
        this.weightDecay = weightDecay;
    }

    @Override
    protected List<String> slotNames() {
        return momentum == 0 ? List.of() : List.of("momentum_buffer");
    }

    @Override
    protected void update(Parameter p, Tensor g, double lr, Slots slots) {
        TensorBackend b = g.backend();
        Tensor grad = weightDecay == 0 ? g : b.add(g, b.mul(p.value(), b.scalar(weightDecay, g.dtype())));
        Tensor direction = grad;
        if (momentum != 0) {
            Tensor buf = slots.get("momentum_buffer");
            direction = buf == null ? grad : b.add(b.mul(buf, b.scalar(momentum, g.dtype())), grad);
            slots.put("momentum_buffer", direction);
        }
        slots.setParameter(b.sub(p.value(), b.mul(direction, b.scalar(lr, g.dtype()))));
    }
}
