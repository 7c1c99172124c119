package dev.autoencoder.models.run;

import dev.autoencoder.models.nn.Parameter;
import dev.autoencoder.models.optim.Adam;
import dev.autoencoder.models.optim.Optimizer;
import dev.autoencoder.models.optim.Sgd;
import java.util.Locale;
import java.util.Map;

/** The optimizers a run can use, with PyTorch's defaults. */
public enum OptimizerKind {
    /** Adam, betas 0.9/0.999, eps 1e-8; weight decay is L2 added to the gradient (default 0). */
    ADAM,
    /** AdamW: decoupled weight decay (PyTorch's default 0.01). */
    ADAMW,
    /** SGD with momentum 0.9; weight decay is L2 added to the gradient (default 0). */
    SGD;

    private static final double ADAMW_WEIGHT_DECAY = 0.01;
    private static final double SGD_MOMENTUM = 0.9;

    /** The weight decay this optimizer has unless told otherwise. */
    public double defaultWeightDecay() {
        return this == ADAMW ? ADAMW_WEIGHT_DECAY : 0;
    }

    /** A fresh optimizer of this kind over {@code parameters} with {@code weightDecay}. */
    public Optimizer create(Map<String, Parameter> parameters, double weightDecay) {
        return switch (this) {
            case ADAM -> Adam.adam(parameters, weightDecay);
            case ADAMW -> Adam.adamW(parameters, weightDecay);
            case SGD -> new Sgd(parameters, SGD_MOMENTUM, weightDecay);
        };
    }

    /** The name in options and training states: {@code adamw}. */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
